package io.ghcapi.gateway.auth;

/** What GitHub returns when a device login starts; {@code deviceCode} is secret and never shown. */
public record DeviceCode(String deviceCode, String userCode, String verificationUri, int expiresInSeconds,
    int intervalSeconds) {

  @Override
  public String toString() {
    return "DeviceCode[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
  }
}
