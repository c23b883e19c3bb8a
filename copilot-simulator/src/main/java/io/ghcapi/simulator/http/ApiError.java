package io.ghcapi.simulator.http;

import io.vertx.core.json.JsonObject;

/**
 * An error answer, independent of the shape it is written in.
 *
 * @param status the HTTP status
 * @param type the OpenAI-style error type
 * @param code the OpenAI-style error code, or {@code null}
 * @param message the human-readable message
 * @param param the offending request field, or {@code null}
 * @param retryAfterSeconds the {@code retry-after} header value, or 0 for none
 */
public record ApiError(int status, String type, String code, String message, String param, int retryAfterSeconds) {

  private static final String GITHUB_DOCS = "https://docs.github.com/rest";

  public static ApiError invalidToken() {
    return new ApiError(401, "authentication_error", "invalid_token", "unauthorized: token expired or invalid", null, 0);
  }

  public static ApiError badCredentials() {
    return new ApiError(401, "authentication_error", null, "Bad credentials", null, 0);
  }

  public static ApiError requiresAuthentication() {
    return new ApiError(401, "authentication_error", null, "Requires authentication", null, 0);
  }

  public static ApiError missingEditorVersion() {
    return invalidRequest("missing Editor-Version header for IDE auth", "missing_editor_version", null);
  }

  public static ApiError rateLimited(int retryAfterSeconds) {
    return new ApiError(429, "rate_limit_error", "rate_limited",
        "Rate limit exceeded. Please retry after " + retryAfterSeconds + " seconds.", null, retryAfterSeconds);
  }

  public static ApiError internalError() {
    return new ApiError(500, "server_error", "internal_error", "Internal server error", null, 0);
  }

  public static ApiError modelNotSupported() {
    return invalidRequest("The requested model is not supported.", "model_not_supported", "model");
  }

  public static ApiError missingModel() {
    return invalidRequest("you must provide a model parameter", "missing_model", "model");
  }

  public static ApiError unsupportedApiForModel(String model, String endpoint) {
    return invalidRequest("model \"" + model + "\" is not accessible via the " + endpoint + " endpoint",
        "unsupported_api_for_model", null);
  }

  public static ApiError missingVisionHeader() {
    return invalidRequest("missing required Copilot-Vision-Request header for vision requests", "missing_vision_header", null);
  }

  public static ApiError maxTokensNotSupported() {
    return invalidRequest("Unsupported parameter: 'max_tokens' is not supported with this model. "
        + "Use 'max_completion_tokens' instead.", "unsupported_parameter", "max_tokens");
  }

  public static ApiError invalidJson(String detail) {
    return invalidRequest("We could not parse the JSON body of your request: " + detail, "invalid_json", null);
  }

  public static ApiError missingAnthropicVersion() {
    return invalidRequest("anthropic-version: header is required", "missing_anthropic_version", null);
  }

  public static ApiError notFound(String path) {
    return new ApiError(404, "invalid_request_error", "not_found", "Not Found: " + path, null, 0);
  }

  public static ApiError methodNotAllowed(String method, String path) {
    return new ApiError(405, "invalid_request_error", "method_not_allowed", method + " is not allowed on " + path, null, 0);
  }

  public static ApiError invalidRequest(String message, String code, String param) {
    return new ApiError(400, "invalid_request_error", code, message, param, 0);
  }

  /** The body in the given shape. */
  public JsonObject body(ErrorDialect dialect) {
    return switch (dialect) {
      case OPENAI -> openAiBody();
      case ANTHROPIC -> new JsonObject().put("type", "error")
          .put("error", new JsonObject().put("type", anthropicType()).put("message", message));
      case GITHUB -> new JsonObject().put("message", message).put("documentation_url", GITHUB_DOCS);
    };
  }

  private JsonObject openAiBody() {
    JsonObject error = new JsonObject().put("message", message).put("type", type).put("code", code);
    if (param != null) {
      error.put("param", param);
    }
    return new JsonObject().put("error", error);
  }

  private String anthropicType() {
    return switch (status) {
      case 400 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }
}
