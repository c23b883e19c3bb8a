package io.ghcapi.gateway.util;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's activity counters ("what the proxy did": retries, token refreshes, mappings applied).
 * Names come from code, never from requests, so the map stays small.
 */
public final class Counters {

  public static final String MODEL_NAME_MAPPING = "mod.model_name_mapping";
  public static final String MAX_TOKENS_RENAMED = "mod.max_completion_tokens";
  public static final String UPSTREAM_RETRY = "upstream.connection_retry";
  public static final String UPSTREAM_TOKEN_RENEWED = "upstream.token_renewed_after_401";
  public static final String CLIENT_CLOSED = "client.closed_early";
  public static final String KEEPALIVE_SENT = "ping_sent";

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  public void increment(String name) {
    counters.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  public long get(String name) {
    LongAdder adder = counters.get(name);
    return adder == null ? 0 : adder.sum();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    new TreeMap<>(counters).forEach((name, value) -> json.put(name, value.sum()));
    return json;
  }
}
