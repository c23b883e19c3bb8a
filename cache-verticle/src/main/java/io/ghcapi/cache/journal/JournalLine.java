package io.ghcapi.cache.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One journal line: {@code {"seq":N,"record":{...}}} with the record as the bus carries it (bodies as
 * text). The sequence number tells a replay which records the statistics snapshot already includes. A
 * forwarded body identical to the client's (the common case) is written once, not twice.
 */
public record JournalLine(long seq, JsonObject record) {

  private static final String REQUEST_BODY = "request_body";
  private static final String ORIGINAL_REQUEST_BODY = "original_request_body";
  private static final String SAME_AS_ORIGINAL = "_request_body_same_as_original";
  /** First segment of the output; later ones grow as Jackson's builder grows them. */
  private static final int MIN_HINT = 512;
  private static final int MAX_HINT = 64 * 1024;

  /**
   * The line's bytes, newline included, written as UTF-8 straight from the record: no intermediate text,
   * so a large body costs one encoding pass and one final copy.
   */
  public byte[] encode() {
    Object forwarded = record.getValue(REQUEST_BODY);
    boolean sameAsOriginal = forwarded instanceof String text && text.equals(record.getValue(ORIGINAL_REQUEST_BODY));
    try (ByteArrayBuilder out = new ByteArrayBuilder(firstSegment(record));
        JsonGenerator generator = DatabindCodec.mapper().getFactory().createGenerator(out)) {
      generator.writeStartObject();
      generator.writeNumberField("seq", seq);
      generator.writeFieldName("record");
      generator.writeStartObject();
      for (Map.Entry<String, Object> field : record) {
        if (sameAsOriginal && REQUEST_BODY.equals(field.getKey())) {
          continue;
        }
        generator.writeFieldName(field.getKey());
        generator.writeObject(field.getValue());
      }
      if (sameAsOriginal) {
        generator.writeBooleanField(SAME_AS_ORIGINAL, true);
      }
      generator.writeEndObject();
      generator.writeEndObject();
      generator.flush();
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("history record could not be encoded", e);
    }
  }

  private static int firstSegment(JsonObject record) {
    return (int) Math.max(MIN_HINT, Math.min(MAX_HINT, RecordFields.estimatedBytes(record)));
  }

  /** Throws {@link IllegalArgumentException} when the bytes are not a journal line (a torn write, say). */
  public static JournalLine decode(byte[] bytes, int length) {
    JsonObject json;
    try {
      json = new JsonObject(new String(bytes, 0, length, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
    if (!(json.getValue("seq") instanceof Number seq) || !(json.getValue("record") instanceof JsonObject record)
        || !(record.getValue("id") instanceof String)) {
      throw new IllegalArgumentException("not a journal line");
    }
    if (Boolean.TRUE.equals(record.remove(SAME_AS_ORIGINAL))) {
      record.put(REQUEST_BODY, record.getValue(ORIGINAL_REQUEST_BODY));
    }
    return new JournalLine(seq.longValue(), record);
  }
}
