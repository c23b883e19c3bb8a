package io.ghcapi.gateway.translate;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.gateway.exchange.ExchangeRecorder;
import io.ghcapi.gateway.stream.RecordingRelay;
import io.ghcapi.gateway.stream.SseEvent;
import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Relays a stream between two different APIs through the Chat chunk hub: the upstream decoder pushes
 * chunks in, the client encoder writes its own events into a buffer that is handed to the client after
 * each upstream event. Back-pressure is the pump's: one upstream event in, its translation out.
 */
final class TranslatingRelay implements RecordingRelay {

  private final SseBuffer out = new SseBuffer();
  private final ClientEncoder encoder;
  private final UpstreamDecoder decoder;
  private String failure;

  /**
   * @param encoderFactory the client encoder writing into the given buffer
   * @param decoderFactory the upstream decoder feeding the given sink
   */
  TranslatingRelay(Function<SseBuffer, ClientEncoder> encoderFactory,
      Function<ChatChunkSink, UpstreamDecoder> decoderFactory) {
    this.encoder = encoderFactory.apply(out);
    this.decoder = decoderFactory.apply(ChatChunkSink.tee(new FailureTap(), encoder));
  }

  @Override
  public Buffer onEvent(SseEvent event) {
    decoder.onEvent(event);
    return out.drain();
  }

  @Override
  public Buffer onUpstreamEnd() {
    decoder.onEnd();
    return out.drain();
  }

  @Override
  public Buffer onUpstreamFailure(Throwable cause) {
    String message = "Copilot connection lost mid-stream: " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    ChatChunkSink.tee(new FailureTap(), encoder).error(new StreamError(502, "upstream_connection_error", message));
    return out.drain();
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void record(RequestRecord record, ExchangeRecorder recorder) {
    String answer = encoder.answer().encode();
    record.tokens(encoder.usage()).responseBody(recorder.recordable(answer, answer.length()));
  }

  /** Notes a failure for the record; passes nothing on. */
  private final class FailureTap implements ChatChunkSink {
    @Override
    public void chunk(JsonObject chunk) {
    }

    @Override
    public void done() {
    }

    @Override
    public void error(StreamError error) {
      failure = error.message();
    }
  }
}
