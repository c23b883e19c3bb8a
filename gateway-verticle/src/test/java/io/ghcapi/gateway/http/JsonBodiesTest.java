package io.ghcapi.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  private final JsonBodies bodies = new JsonBodies(100);

  /** An object whose nesting depth (counting the outer object) is exactly {@code depth}. */
  private static String nested(int depth) {
    StringBuilder sb = new StringBuilder("{\"a\":");
    for (int i = 1; i < depth; i++) {
      sb.append('[');
    }
    sb.append('1');
    for (int i = 1; i < depth; i++) {
      sb.append(']');
    }
    return sb.append('}').toString();
  }

  private InvalidJsonException rejected(String body) {
    return assertThrows(InvalidJsonException.class, () -> bodies.parseObject(Buffer.buffer(body)));
  }

  @Test
  void parsesAnObject() {
    JsonObject json = bodies.parseObject(Buffer.buffer("{\"model\":\"gpt-4o\",\"n\":2,\"list\":[1,{\"x\":null}]}"));
    assertEquals("gpt-4o", json.getString("model"));
    assertEquals(2, json.getInteger("n"));
    JsonArray list = json.getJsonArray("list");
    assertEquals(1, list.getInteger(0));
    assertTrue(list.getJsonObject(1).containsKey("x"));
  }

  @Test
  void aBodyThatIsPartOfALargerBufferIsReadFromItsOwnBytesOnly() {
    Buffer received = Buffer.buffer("xx{\"model\":\"gpt-4.1\"}yy");
    JsonObject json = bodies.parseObject(received.slice(2, received.length() - 2));
    assertEquals("gpt-4.1", json.getString("model"));
    InvalidJsonException e = assertThrows(InvalidJsonException.class,
        () -> bodies.parseObject(received.slice(2, received.length() - 1)));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void depthOfOneHundredIsAccepted() {
    JsonObject json = bodies.parseObject(Buffer.buffer(nested(100)));
    assertTrue(json.containsKey("a"));
  }

  @Test
  void depthOfOneHundredAndOneIsRejected() {
    InvalidJsonException e = rejected(nested(101));
    assertTrue(e.getMessage().startsWith("JSON nesting is too deep"), e.getMessage());
    assertTrue(e.getMessage().contains("100"), e.getMessage());
  }

  @Test
  void deeplyNestedObjectsAreRejectedToo() {
    String deep = "{\"a\":".repeat(150) + "1" + "}".repeat(150);
    assertTrue(rejected(deep).getMessage().startsWith("JSON nesting is too deep"));
  }

  @Test
  void bracketsInsideStringsDoNotCount() {
    String brackets = "[".repeat(500) + "{".repeat(500);
    JsonObject json = bodies.parseObject(Buffer.buffer("{\"text\":\"" + brackets + "\"}"));
    assertEquals(brackets, json.getString("text"));
  }

  @Test
  void otherDepthLimitsApply() {
    JsonBodies shallow = new JsonBodies(8);
    shallow.parseObject(Buffer.buffer(nested(8)));
    InvalidJsonException e = assertThrows(InvalidJsonException.class,
        () -> shallow.parseObject(Buffer.buffer(nested(9))));
    assertTrue(e.getMessage().contains("maximum of 8"), e.getMessage());
  }

  @Test
  void malformedJsonIsRejected() {
    InvalidJsonException e = rejected("{\"model\": ");
    assertTrue(e.getMessage().startsWith("Request body is not valid JSON"), e.getMessage());
    assertTrue(rejected("{model: 1}").getMessage().startsWith("Request body is not valid JSON"));
    assertTrue(rejected("not json").getMessage().startsWith("Request body is not valid JSON"));
  }

  @Test
  void trailingGarbageIsRejected() {
    InvalidJsonException e = rejected("{\"a\":1} x");
    assertTrue(e.getMessage().startsWith("Request body is not valid JSON"), e.getMessage());
    assertTrue(rejected("{\"a\":1}{\"b\":2}").getMessage().startsWith("Request body is not valid JSON"));
  }

  @Test
  void trailingWhitespaceIsFine() {
    assertEquals(1, bodies.parseObject(Buffer.buffer("  {\"a\":1}\n\r\n  ")).getInteger("a"));
  }

  @Test
  void nonObjectTopLevelIsRejected() {
    assertEquals("Request body must be a JSON object.", rejected("[1,2]").getMessage());
    assertEquals("Request body must be a JSON object.", rejected("\"text\"").getMessage());
    assertEquals("Request body must be a JSON object.", rejected("42").getMessage());
    assertEquals("Request body must be a JSON object.", rejected("null").getMessage());
  }

  @Test
  void emptyBodyIsRejected() {
    assertEquals("Request body is empty; expected a JSON object.", rejected("").getMessage());
  }

  @Test
  void whitespaceOnlyBodyIsRejected() {
    InvalidJsonException e = rejected("   \n");
    assertTrue(e.getMessage().startsWith("Request body"), e.getMessage());
  }
}
