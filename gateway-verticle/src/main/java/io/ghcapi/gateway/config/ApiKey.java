package io.ghcapi.gateway.config;

/** A client API key for {@code /v1/*} and the name it is recorded under as {@code user_id}. */
public record ApiKey(String name, String key) {

  @Override
  public String toString() {
    return "ApiKey[" + name + "]";
  }
}
