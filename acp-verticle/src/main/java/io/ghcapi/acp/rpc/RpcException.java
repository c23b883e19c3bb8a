package io.ghcapi.acp.rpc;

/**
 * A JSON-RPC error: one the agent answered to a request of ours, or one we answer to a request of the agent's.
 * The code is the JSON-RPC error code ({@link RpcCodes}); {@code data} is any JSON value or null.
 */
public final class RpcException extends RuntimeException {

  private final int code;
  private final transient Object data;

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public RpcException(int code, String message, Object data) {
    super(message);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  /** The error's {@code data} (a JSON value) or null. */
  public Object data() {
    return data;
  }
}
