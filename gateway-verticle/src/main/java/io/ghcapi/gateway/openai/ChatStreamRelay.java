package io.ghcapi.gateway.openai;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.OpenAiErrors;
import io.ghcapi.gateway.stream.SseEvent;
import io.ghcapi.gateway.stream.RecordingRelay;
import io.ghcapi.bus.RequestRecord;
import io.ghcapi.gateway.exchange.ExchangeRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Relays a Copilot Chat Completions stream to an OpenAI client. Chunks pass through byte for byte unless
 * their tool calls need normalising ({@link ToolCallNormaliser}); usage and the final completion are
 * collected on the side for the history. A stream Copilot cuts short ends with an OpenAI error frame, not
 * a silent stop.
 *
 * <p>Usage is delivered the way OpenAI does it: only when the client asked ({@code stream_options.
 * include_usage}), in a chunk of its own with {@code choices: []}. Copilot puts it on the finish chunk,
 * which makes the official SDKs' stream accumulators fail.
 */
final class ChatStreamRelay implements RecordingRelay {

  private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

  private final ToolCallNormaliser normaliser = new ToolCallNormaliser();
  private final ChatCompletionAssembler assembler;
  private final boolean clientWantsUsage;
  /** A usage chunk split off a finish chunk, sent just before [DONE] unless Copilot sends its own. */
  private Buffer pendingUsage;
  private boolean sawDone;
  private boolean sawFinish;
  private String failure;

  ChatStreamRelay(long maxRecordedChars, boolean clientWantsUsage) {
    this.assembler = new ChatCompletionAssembler(maxRecordedChars);
    this.clientWantsUsage = clientWantsUsage;
  }

  @Override
  public Buffer onEvent(SseEvent event) {
    if (sawDone) {
      return null;
    }
    if (event.isDone()) {
      sawDone = true;
      return withPendingUsage(DONE.copy());
    }
    JsonObject chunk;
    try {
      chunk = new JsonObject(event.data());
    } catch (RuntimeException e) {
      return event.raw();
    }
    if (chunk.getValue("error") instanceof JsonObject error) {
      failure = "Copilot sent an error mid-stream: " + error.getString("message", error.encode());
      return event.raw();
    }
    boolean changed = normaliser.normalise(chunk);
    assembler.add(chunk);
    JsonArray choices = chunk.getValue("choices") instanceof JsonArray list ? list : new JsonArray();
    for (Object choice : choices) {
      if (choice instanceof JsonObject c && c.getValue("finish_reason") != null) {
        sawFinish = true;
      }
    }
    if (chunk.getValue("usage") instanceof JsonObject usage) {
      return separateUsage(chunk, choices, usage);
    }
    return changed ? frame(chunk) : event.raw();
  }

  private Buffer separateUsage(JsonObject chunk, JsonArray choices, JsonObject usage) {
    if (choices.isEmpty()) {
      pendingUsage = null;
      return clientWantsUsage ? frame(chunk) : null;
    }
    chunk.remove("usage");
    if (clientWantsUsage) {
      pendingUsage = frame(new JsonObject().put("id", chunk.getValue("id")).put("object", chunk.getValue("object"))
          .put("created", chunk.getValue("created")).put("model", chunk.getValue("model"))
          .put("choices", new JsonArray()).put("usage", usage));
    }
    return frame(chunk);
  }

  private Buffer withPendingUsage(Buffer last) {
    if (pendingUsage == null) {
      return last;
    }
    Buffer out = pendingUsage.appendBuffer(last);
    pendingUsage = null;
    return out;
  }

  private static Buffer frame(JsonObject chunk) {
    return Buffer.buffer("data: ").appendBuffer(chunk.toBuffer()).appendString("\n\n");
  }

  @Override
  public Buffer onUpstreamEnd() {
    if (sawDone || failure != null) {
      return null;
    }
    if (sawFinish) {
      sawDone = true;
      return withPendingUsage(DONE.copy());
    }
    failure = "Copilot ended the stream before it finished";
    return errorFrame(ApiError.of(502, "upstream_stream_incomplete", failure));
  }

  @Override
  public Buffer onUpstreamFailure(Throwable cause) {
    failure = "Copilot connection lost mid-stream: " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    return errorFrame(ApiError.of(502, "upstream_connection_error", failure));
  }

  static Buffer errorFrame(ApiError error) {
    return Buffer.buffer("data: ").appendBuffer(OpenAiErrors.body(error).toBuffer()).appendString("\n\n");
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void record(RequestRecord record, ExchangeRecorder recorder) {
    String response = assembledResponse();
    record.tokens(usage()).responseBody(recorder.recordable(response, response.length()));
  }

  TokenUsage usage() {
    JsonObject usage = assembler.usage();
    return usage == null ? TokenUsage.NONE : OpenAiUsage.fromUsage(usage);
  }

  String assembledResponse() {
    return assembler.empty() ? new JsonObject().put("error", "Stream interrupted").encode() : assembler.build().encode();
  }
}
