package io.ghcapi.gateway.http;

/**
 * An error to send to a client, independent of the API's error shape. {@code retryAfter} is passed on
 * as the {@code retry-after} header when present.
 */
public record ApiError(int status, String type, String code, String message, String param, String retryAfter) {

  public static ApiError of(int status, String code, String message) {
    return new ApiError(status, typeFor(status), code, message, null, null);
  }

  public ApiError withParam(String newParam) {
    return new ApiError(status, type, code, message, newParam, retryAfter);
  }

  public ApiError withRetryAfter(String value) {
    return new ApiError(status, type, code, message, param, value);
  }

  /** OpenAI's error types by status; the Anthropic shape has its own mapping. */
  public static String typeFor(int status) {
    return switch (status) {
      case 400, 404, 405, 409, 413, 415, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }
}
