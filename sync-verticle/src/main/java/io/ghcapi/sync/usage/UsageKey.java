package io.ghcapi.sync.usage;

/** A usage bucket's user and model within one machine and hour. */
public record UsageKey(String user, String model) {
}
