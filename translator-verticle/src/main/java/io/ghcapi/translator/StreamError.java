package io.ghcapi.translator;

/**
 * A failure in the middle of a stream, independent of any API's shape. {@code status} is the HTTP
 * status it corresponds to (502 for a broken connection, 429 for a rate limit...), from which each client
 * encoder picks its own error type; {@code code} is an optional machine-readable code
 * ({@code context_length_exceeded}, {@code upstream_connection_error}...).
 */
public record StreamError(int status, String code, String message) {
}
