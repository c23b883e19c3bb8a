package io.ghcapi.gateway.exchange;

import io.ghcapi.gateway.auth.TokenExchangeException;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.BodyTooLargeException;
import io.ghcapi.gateway.http.InvalidJsonException;
import io.ghcapi.gateway.models.ModelCatalog;
import io.ghcapi.gateway.plugins.RequestInterception;
import io.ghcapi.gateway.upstream.UpstreamUnavailableException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns a failure on the way to Copilot into the error a client should see. Never leaks a stack trace. */
public final class FailureMapping {

  private static final Logger LOG = Logger.getLogger(FailureMapping.class.getName());

  private FailureMapping() {
  }

  public static ApiError toApiError(Throwable cause) {
    if (cause instanceof RequestInterception.Denied e) {
      return e.error();
    }
    if (cause instanceof InvalidJsonException e) {
      return ApiError.of(400, "invalid_json", e.getMessage());
    }
    if (cause instanceof BodyTooLargeException e) {
      return ApiError.of(413, "request_too_large", e.getMessage());
    }
    if (cause instanceof TokenExchangeException e) {
      return switch (e.reason()) {
        case NO_GITHUB_TOKEN -> ApiError.of(401, "github_login_required", e.getMessage());
        case GITHUB_TOKEN_REJECTED -> ApiError.of(401, "github_token_rejected", e.getMessage());
        case EXCHANGE_FAILED -> ApiError.of(502, "copilot_token_unavailable", e.getMessage());
      };
    }
    if (cause instanceof UpstreamUnavailableException e) {
      return e.timeout()
          ? ApiError.of(504, "upstream_timeout", e.getMessage())
          : ApiError.of(502, "upstream_connection_error", e.getMessage());
    }
    if (cause instanceof ModelCatalog.CatalogUnavailableException e) {
      int status = e.status() >= 400 ? e.status() : 502;
      return ApiError.of(status, "models_unavailable", e.getMessage());
    }
    LOG.log(Level.SEVERE, "Unexpected failure while serving a request", cause);
    return ApiError.of(500, "internal_error", "The gateway failed to handle this request; see its log for details.");
  }
}
