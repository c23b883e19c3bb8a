package io.ghcapi.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Map;

/**
 * Parses client bodies strictly: one JSON object, nothing after it, nested at most {@code maxDepth} levels.
 * The depth limit is enforced by the parser itself, in the same single pass.
 */
public final class JsonBodies {

  private final ObjectMapper mapper;
  private final int maxDepth;

  public JsonBodies(int maxDepth) {
    this.maxDepth = maxDepth;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
        .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Parses straight from the buffer's own array when it has one: a large body is not copied first. */
  private Object parse(Buffer body) throws IOException {
    ByteBuf bytes = ((BufferInternal) body).getByteBuf();
    if (bytes.hasArray()) {
      return mapper.readValue(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes(),
          Object.class);
    }
    return mapper.readValue(body.getBytes(), Object.class);
  }

  public JsonObject parseObject(Buffer body) {
    if (body.length() == 0) {
      throw new InvalidJsonException("Request body is empty; expected a JSON object.");
    }
    Object value;
    try {
      value = parse(body);
    } catch (StreamConstraintsException e) {
      throw new InvalidJsonException("JSON nesting is too deep: exceeds the maximum of " + maxDepth + " levels");
    } catch (JsonProcessingException e) {
      throw new InvalidJsonException("Request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidJsonException("Request body could not be read as JSON: " + e.getMessage());
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidJsonException("Request body must be a JSON object.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return new JsonObject(object);
  }
}
