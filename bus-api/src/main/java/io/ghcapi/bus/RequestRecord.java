package io.ghcapi.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One exchange between a client and the gateway, as published on {@link Addresses#REQUEST_STARTED} and
 * {@link Addresses#REQUEST_COMPLETED} and stored in the request history.
 *
 * <p>The wire form is a {@link JsonObject} with the field names below (the seed's history fields, plus
 * {@code version}, {@code node_id}, {@code initiator}, {@code vision}, {@code first_byte_ms},
 * {@code attempts}, {@code error}). Bodies travel as JSON <em>text</em> (strings), not parsed trees: the
 * gateway has the bytes already, and a string is shared, not deep-copied, when the bus delivers it locally.
 *
 * <p>Token fields follow one accounting model for every API: {@code input_tokens} are prompt tokens
 * <em>not</em> read from cache, {@code cache_read_input_tokens} are cached prompt tokens,
 * {@code cache_creation_input_tokens} are tokens written to cache, so the total is the plain sum of the
 * four. OpenAI usage (where {@code prompt_tokens} includes cached tokens) is converted on the way in.
 *
 * <p>Credentials never appear: {@code request_headers} are redacted by {@link Redaction#headers}.
 */
public final class RequestRecord {

  /** Version of this payload's shape; bumped only on incompatible changes. */
  public static final int SCHEMA_VERSION = 1;

  public static final String VERSION = "version";
  public static final String ID = "id";
  public static final String NODE_ID = "node_id";
  public static final String TIMESTAMP = "timestamp";
  public static final String ENDPOINT = "endpoint";
  public static final String MODEL = "model";
  public static final String TRANSLATED_MODEL = "translated_model";
  public static final String STREAM = "stream";
  public static final String STATE = "state";
  public static final String STATUS_CODE = "status_code";
  public static final String CLIENT_IP = "client_ip";
  public static final String USER_ID = "user_id";
  public static final String INITIATOR = "initiator";
  public static final String INITIATOR_REASON = "initiator_reason";
  public static final String VISION = "vision";
  public static final String REQUEST_HEADERS = "request_headers";
  public static final String ORIGINAL_REQUEST_BODY = "original_request_body";
  public static final String REQUEST_BODY = "request_body";
  public static final String RESPONSE_BODY = "response_body";
  public static final String RAW_EVENTS = "raw_events";
  public static final String REQUEST_SIZE = "request_size";
  public static final String RESPONSE_SIZE = "response_size";
  public static final String INPUT_TOKENS = "input_tokens";
  public static final String OUTPUT_TOKENS = "output_tokens";
  public static final String CACHE_CREATION_INPUT_TOKENS = "cache_creation_input_tokens";
  public static final String CACHE_READ_INPUT_TOKENS = "cache_read_input_tokens";
  public static final String DURATION = "duration";
  public static final String FIRST_BYTE_MS = "first_byte_ms";
  public static final String ATTEMPTS = "attempts";
  public static final String ERROR = "error";

  /** Status recorded when the client went away before the response ended (nginx's convention). */
  public static final int STATUS_CLIENT_CLOSED = 499;

  private final JsonObject json;

  private RequestRecord(JsonObject json) {
    this.json = json;
  }

  /** A new record in state {@link ExchangeState#PENDING}. */
  public static RequestRecord start(String id, String nodeId, String endpoint, long startedAtMillis) {
    JsonObject json = new JsonObject()
        .put(VERSION, SCHEMA_VERSION)
        .put(ID, Objects.requireNonNull(id))
        .put(NODE_ID, nodeId)
        .put(TIMESTAMP, startedAtMillis / 1000.0)
        .put(ENDPOINT, endpoint)
        .put(STATE, ExchangeState.PENDING.wireName())
        .put(USER_ID, "anonymous")
        .put(STREAM, false)
        .put(REQUEST_SIZE, 0L)
        .put(RESPONSE_SIZE, 0L)
        .put(INPUT_TOKENS, 0L)
        .put(OUTPUT_TOKENS, 0L)
        .put(CACHE_CREATION_INPUT_TOKENS, 0L)
        .put(CACHE_READ_INPUT_TOKENS, 0L)
        .put(ATTEMPTS, 0);
    return new RequestRecord(json);
  }

  /** Wraps a received payload (no copy: the bus already gave this consumer its own). */
  public static RequestRecord fromJson(JsonObject json) {
    return new RequestRecord(json);
  }

  /** A snapshot safe to publish: later changes to this record do not show in it. */
  public JsonObject toJson() {
    return json.copy();
  }

  /** The record's own JSON, for a record that will not change again (no copy). */
  public JsonObject finalJson() {
    return json;
  }

  public String id() {
    return json.getString(ID);
  }

  public String nodeId() {
    return json.getString(NODE_ID);
  }

  public double timestamp() {
    return json.getDouble(TIMESTAMP, 0.0);
  }

  public String endpoint() {
    return json.getString(ENDPOINT);
  }

  public String model() {
    return json.getString(MODEL);
  }

  public String translatedModel() {
    return json.getString(TRANSLATED_MODEL);
  }

  /** The model statistics count under: the mapped name when mapping changed it, else the client's. */
  public String effectiveModel() {
    String translated = translatedModel();
    return translated != null ? translated : model();
  }

  public boolean stream() {
    return json.getBoolean(STREAM, false);
  }

  public ExchangeState state() {
    return ExchangeState.fromWire(json.getString(STATE));
  }

  public Integer statusCode() {
    return json.getInteger(STATUS_CODE);
  }

  public String clientIp() {
    return json.getString(CLIENT_IP);
  }

  public String userId() {
    return json.getString(USER_ID);
  }

  public String initiator() {
    return json.getString(INITIATOR);
  }

  /** Why the exchange was billed as it was ({@code user: ...}, {@code agent: ...}, {@code none: ...}). */
  public String initiatorReason() {
    return json.getString(INITIATOR_REASON);
  }

  public boolean vision() {
    return json.getBoolean(VISION, false);
  }

  public JsonObject requestHeaders() {
    return json.getJsonObject(REQUEST_HEADERS);
  }

  public String originalRequestBody() {
    return json.getString(ORIGINAL_REQUEST_BODY);
  }

  public String requestBody() {
    return json.getString(REQUEST_BODY);
  }

  public String responseBody() {
    return json.getString(RESPONSE_BODY);
  }

  public JsonArray rawEvents() {
    return json.getJsonArray(RAW_EVENTS);
  }

  public long requestSize() {
    return json.getLong(REQUEST_SIZE, 0L);
  }

  public long responseSize() {
    return json.getLong(RESPONSE_SIZE, 0L);
  }

  public long inputTokens() {
    return json.getLong(INPUT_TOKENS, 0L);
  }

  public long outputTokens() {
    return json.getLong(OUTPUT_TOKENS, 0L);
  }

  public long cacheCreationInputTokens() {
    return json.getLong(CACHE_CREATION_INPUT_TOKENS, 0L);
  }

  public long cacheReadInputTokens() {
    return json.getLong(CACHE_READ_INPUT_TOKENS, 0L);
  }

  public Double duration() {
    return json.getDouble(DURATION);
  }

  public Long firstByteMs() {
    return json.getLong(FIRST_BYTE_MS);
  }

  public int attempts() {
    return json.getInteger(ATTEMPTS, 0);
  }

  public String error() {
    return json.getString(ERROR);
  }

  public RequestRecord model(String model) {
    json.put(MODEL, model);
    return this;
  }

  public RequestRecord translatedModel(String translatedModel) {
    json.put(TRANSLATED_MODEL, translatedModel);
    return this;
  }

  public RequestRecord stream(boolean stream) {
    json.put(STREAM, stream);
    return this;
  }

  public RequestRecord state(ExchangeState state) {
    json.put(STATE, state.wireName());
    return this;
  }

  public RequestRecord statusCode(int statusCode) {
    json.put(STATUS_CODE, statusCode);
    return this;
  }

  public RequestRecord clientIp(String clientIp) {
    json.put(CLIENT_IP, clientIp);
    return this;
  }

  public RequestRecord userId(String userId) {
    json.put(USER_ID, userId);
    return this;
  }

  public RequestRecord initiator(String initiator) {
    json.put(INITIATOR, initiator);
    return this;
  }

  public RequestRecord initiatorReason(String reason) {
    json.put(INITIATOR_REASON, reason);
    return this;
  }

  public RequestRecord vision(boolean vision) {
    json.put(VISION, vision);
    return this;
  }

  public RequestRecord requestHeaders(JsonObject redactedHeaders) {
    json.put(REQUEST_HEADERS, redactedHeaders);
    return this;
  }

  public RequestRecord originalRequestBody(String jsonText) {
    json.put(ORIGINAL_REQUEST_BODY, jsonText);
    return this;
  }

  public RequestRecord requestBody(String jsonText) {
    json.put(REQUEST_BODY, jsonText);
    return this;
  }

  public RequestRecord responseBody(String text) {
    json.put(RESPONSE_BODY, text);
    return this;
  }

  public RequestRecord rawEvents(JsonArray events) {
    json.put(RAW_EVENTS, events);
    return this;
  }

  public RequestRecord requestSize(long bytes) {
    json.put(REQUEST_SIZE, bytes);
    return this;
  }

  public RequestRecord responseSize(long bytes) {
    json.put(RESPONSE_SIZE, bytes);
    return this;
  }

  public RequestRecord tokens(TokenUsage usage) {
    json.put(INPUT_TOKENS, usage.inputTokens())
        .put(OUTPUT_TOKENS, usage.outputTokens())
        .put(CACHE_CREATION_INPUT_TOKENS, usage.cacheCreationInputTokens())
        .put(CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens());
    return this;
  }

  public TokenUsage tokens() {
    return new TokenUsage(inputTokens(), outputTokens(), cacheCreationInputTokens(), cacheReadInputTokens());
  }

  /** Elapsed seconds since the start, rounded to 2 decimals as in the seed's history. */
  public RequestRecord durationMillis(long millis) {
    json.put(DURATION, Math.round(millis / 10.0) / 100.0);
    return this;
  }

  public RequestRecord firstByteMs(long millis) {
    json.put(FIRST_BYTE_MS, millis);
    return this;
  }

  public RequestRecord attempts(int attempts) {
    json.put(ATTEMPTS, attempts);
    return this;
  }

  public RequestRecord error(String message) {
    json.put(ERROR, message);
    return this;
  }

  @Override
  public String toString() {
    return "RequestRecord" + json.encode();
  }
}
