package io.ghcapi.gateway.routing;

/** The API a client speaks to the gateway. */
public enum ClientApi {
  CHAT(UpstreamApi.CHAT),
  RESPONSES(UpstreamApi.RESPONSES),
  MESSAGES(UpstreamApi.MESSAGES);

  private final UpstreamApi native_;

  ClientApi(UpstreamApi nativeUpstream) {
    this.native_ = nativeUpstream;
  }

  /** The Copilot endpoint that speaks this API, used whenever the model offers it. */
  public UpstreamApi nativeUpstream() {
    return native_;
  }
}
