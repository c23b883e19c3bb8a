package io.ghcapi.translator;

/**
 * A client request that cannot be translated because a field has the wrong type or shape. The gateway
 * answers it with {@link #status()} in the client's error shape, naming {@link #param()}; nothing is sent
 * upstream.
 */
public final class TranslationException extends RuntimeException {

  private final int status;
  private final String param;

  public TranslationException(String message, String param) {
    this(400, message, param);
  }

  public TranslationException(int status, String message, String param) {
    super(message, null, false, false);
    this.status = status;
    this.param = param;
  }

  public int status() {
    return status;
  }

  /** The path of the offending field, such as {@code messages.2.content.0.text}; null when it is the whole body. */
  public String param() {
    return param;
  }
}
