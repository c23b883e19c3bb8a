package io.ghcapi.translator.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.ToolNames;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drives a {@link ChatToAnthropicStream} with chunks and collects what it wrote, draining after every call
 * as the gateway does. Every stream read back through {@link #events()} is checked against
 * {@link AnthropicSseGrammar} first.
 */
final class StreamRun {

  final SseBuffer out = new SseBuffer();
  final ChatToAnthropicStream stream;
  private final StringBuilder sse = new StringBuilder();

  StreamRun() {
    this(new ToolNames());
  }

  StreamRun(ToolNames names) {
    stream = new ChatToAnthropicStream(out, "claude-sonnet-4-5", "msg_test", names);
  }

  StreamRun chunks(JsonObject... chunks) {
    for (JsonObject chunk : chunks) {
      stream.chunk(chunk);
      drain();
    }
    return this;
  }

  StreamRun done() {
    stream.done();
    drain();
    return this;
  }

  StreamRun error(StreamError error) {
    stream.error(error);
    drain();
    return this;
  }

  String sse() {
    return sse.toString();
  }

  List<SseEvent> events() {
    assertEquals(List.of(), AnthropicSseGrammar.violations(sse()), () -> "invalid stream:\n" + sse());
    return SseEvent.parse(sse());
  }

  /** The events in brief form, pings left out. */
  List<String> briefs() {
    return events().stream().filter(e -> !"ping".equals(e.name())).map(SseEvent::brief).collect(Collectors.toList());
  }

  List<SseEvent> named(String name) {
    return events().stream().filter(e -> name.equals(e.name())).toList();
  }

  JsonObject messageDelta() {
    List<SseEvent> deltas = named("message_delta");
    assertEquals(1, deltas.size());
    return deltas.get(0).data();
  }

  /** Concatenated deltas of one kind for block {@code index}. */
  String joined(int index, String deltaType, String field) {
    return events().stream()
        .filter(e -> "content_block_delta".equals(e.name()) && e.data().getInteger("index") == index
            && deltaType.equals(e.deltaType()))
        .map(e -> e.delta().getString(field))
        .collect(Collectors.joining());
  }

  private void drain() {
    sse.append(out.drain().toString());
  }
}
