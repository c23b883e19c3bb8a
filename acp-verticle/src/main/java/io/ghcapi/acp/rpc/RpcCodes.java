package io.ghcapi.acp.rpc;

/** JSON-RPC 2.0 error codes, with the ones the Agent Client Protocol adds. */
public final class RpcCodes {

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  public static final int REQUEST_CANCELLED = -32800;
  /** ACP: the agent wants {@code authenticate} first. */
  public static final int AUTH_REQUIRED = -32000;
  /** ACP: a file (or another resource) does not exist. */
  public static final int RESOURCE_NOT_FOUND = -32002;

  private RpcCodes() {
  }
}
