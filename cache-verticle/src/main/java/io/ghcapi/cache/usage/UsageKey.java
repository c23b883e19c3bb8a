package io.ghcapi.cache.usage;

/** What one hourly bucket is about: a machine (node), a user and a model. */
record UsageKey(String machine, String user, String model) {
}
