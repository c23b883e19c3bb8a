package io.ghcapi.simulator;

import java.util.Objects;

/** How a {@link CopilotSimulator} behaves. Fluent setters; the simulator copies the options when it starts. */
public final class SimulatorOptions {

  private String host = "127.0.0.1";
  private int port = 0;
  private int chunkCount = 6;
  private long chunkDelayMs = 0;
  private long firstByteDelayMs = 0;
  private int tokenLifetimeSeconds = 1500;
  private int devicePendingPolls = 1;
  private int deviceIntervalSeconds = 5;
  private boolean recordRequests = true;
  private int recordLimit = 500;
  private int embeddingDimensions = 64;

  public SimulatorOptions() {
  }

  public SimulatorOptions(SimulatorOptions other) {
    this.host = other.host;
    this.port = other.port;
    this.chunkCount = other.chunkCount;
    this.chunkDelayMs = other.chunkDelayMs;
    this.firstByteDelayMs = other.firstByteDelayMs;
    this.tokenLifetimeSeconds = other.tokenLifetimeSeconds;
    this.devicePendingPolls = other.devicePendingPolls;
    this.deviceIntervalSeconds = other.deviceIntervalSeconds;
    this.recordRequests = other.recordRequests;
    this.recordLimit = other.recordLimit;
    this.embeddingDimensions = other.embeddingDimensions;
  }

  /** The interface to listen on; default {@code 127.0.0.1}. */
  public String host() {
    return host;
  }

  public SimulatorOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The port to listen on; default 0, a free port chosen at start. */
  public int port() {
    return port;
  }

  public SimulatorOptions setPort(int port) {
    this.port = requireInRange("port", port, 0, 65535);
    return this;
  }

  /** How many content deltas a streamed text answer is split into; default 6. */
  public int chunkCount() {
    return chunkCount;
  }

  public SimulatorOptions setChunkCount(int chunkCount) {
    this.chunkCount = requireInRange("chunkCount", chunkCount, 1, 10_000);
    return this;
  }

  /** Delay between streamed events, in milliseconds; default 0. */
  public long chunkDelayMs() {
    return chunkDelayMs;
  }

  public SimulatorOptions setChunkDelayMs(long chunkDelayMs) {
    this.chunkDelayMs = requireNotNegative("chunkDelayMs", chunkDelayMs);
    return this;
  }

  /** Delay before every data-plane response's status and headers, in milliseconds; default 0. */
  public long firstByteDelayMs() {
    return firstByteDelayMs;
  }

  public SimulatorOptions setFirstByteDelayMs(long firstByteDelayMs) {
    this.firstByteDelayMs = requireNotNegative("firstByteDelayMs", firstByteDelayMs);
    return this;
  }

  /** {@code refresh_in} of issued Copilot tokens, in seconds; they expire 60 s after that. Default 1500. */
  public int tokenLifetimeSeconds() {
    return tokenLifetimeSeconds;
  }

  public SimulatorOptions setTokenLifetimeSeconds(int tokenLifetimeSeconds) {
    this.tokenLifetimeSeconds = requireInRange("tokenLifetimeSeconds", tokenLifetimeSeconds, 0, Integer.MAX_VALUE - 60);
    return this;
  }

  /** How many device-flow polls answer {@code authorization_pending} before the token is granted; default 1. */
  public int devicePendingPolls() {
    return devicePendingPolls;
  }

  public SimulatorOptions setDevicePendingPolls(int devicePendingPolls) {
    this.devicePendingPolls = requireInRange("devicePendingPolls", devicePendingPolls, 0, Integer.MAX_VALUE);
    return this;
  }

  /** The polling {@code interval} the device-code answer advertises, in seconds; default 5. */
  public int deviceIntervalSeconds() {
    return deviceIntervalSeconds;
  }

  public SimulatorOptions setDeviceIntervalSeconds(int deviceIntervalSeconds) {
    this.deviceIntervalSeconds = requireInRange("deviceIntervalSeconds", deviceIntervalSeconds, 0, 3600);
    return this;
  }

  /** Whether received requests are recorded; default true. Turn off for benchmarks. */
  public boolean recordRequests() {
    return recordRequests;
  }

  public SimulatorOptions setRecordRequests(boolean recordRequests) {
    this.recordRequests = recordRequests;
    return this;
  }

  /** How many recorded requests are kept (the oldest are dropped first); default 500. */
  public int recordLimit() {
    return recordLimit;
  }

  public SimulatorOptions setRecordLimit(int recordLimit) {
    this.recordLimit = requireInRange("recordLimit", recordLimit, 0, 1_000_000);
    return this;
  }

  /** Length of the vectors {@code /embeddings} returns when the request names no {@code dimensions}; default 64. */
  public int embeddingDimensions() {
    return embeddingDimensions;
  }

  public SimulatorOptions setEmbeddingDimensions(int embeddingDimensions) {
    this.embeddingDimensions = requireInRange("embeddingDimensions", embeddingDimensions, 1, 4096);
    return this;
  }

  @Override
  public String toString() {
    return "SimulatorOptions{host=" + host + ", port=" + port + ", chunkCount=" + chunkCount
        + ", chunkDelayMs=" + chunkDelayMs + ", firstByteDelayMs=" + firstByteDelayMs
        + ", tokenLifetimeSeconds=" + tokenLifetimeSeconds + ", devicePendingPolls=" + devicePendingPolls
        + ", deviceIntervalSeconds=" + deviceIntervalSeconds + ", recordRequests=" + recordRequests
        + ", recordLimit=" + recordLimit + ", embeddingDimensions=" + embeddingDimensions + '}';
  }

  private static int requireInRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  private static long requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }
}
