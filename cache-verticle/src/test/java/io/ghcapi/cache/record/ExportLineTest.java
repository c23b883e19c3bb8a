package io.ghcapi.cache.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportLineTest {

  @ParameterizedTest
  @ValueSource(strings = {"{}", "[1,2]", "\"text\"", "12.5", "true", "null", " {\"a\" : [ ] } "})
  void recognisesOneJsonValue(String text) {
    assertTrue(JsonText.isValid(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "{} {}", "{\"a\":1} trailing", "'single'", "{\"a\":\"\\q\"}", "NaN",
      "{\"a\":\"raw\ttab\"}", "plain words"})
  void refusesAnythingElse(String text) {
    assertFalse(JsonText.isValid(text));
  }

  @Test
  void embedsJsonBodiesOnOneLineAndKeepsOtherTextAsStrings() {
    JsonObject record = new JsonObject().put("id", "a").put("timestamp", 1.5)
        .put("request_body", "{\n  \"messages\": [\"x\\ny\"]\r\n}")
        .put("response_body", "oops {")
        .put("original_request_body", null)
        .put("raw_events", new JsonArray().add("{\"type\":\"ping\"}"));
    String line = ExportLine.encode(record);
    assertFalse(line.contains("\n"));
    JsonObject parsed = new JsonObject(line);
    assertEquals(new JsonArray().add("x\ny"), parsed.getJsonObject("request_body").getJsonArray("messages"));
    assertEquals("oops {", parsed.getString("response_body"));
    assertTrue(parsed.containsKey("original_request_body"));
    assertEquals("{\"type\":\"ping\"}", parsed.getJsonArray("raw_events").getString(0));
    assertEquals(parsed, ExportLine.toJson(record), "the object form says the same");
  }

  @Test
  void decodesEmbeddedBodiesBackToText() {
    JsonObject record = ExportLine.decode("{\"id\":\"a\",\"request_body\":{\"k\":[1,2]},\"response_body\":\"x\","
        + "\"original_request_body\":7}");
    assertEquals("{\"k\":[1,2]}", record.getString("request_body"));
    assertEquals("x", record.getString("response_body"));
    assertEquals("7", record.getString("original_request_body"));
    assertThrows(IllegalArgumentException.class, () -> ExportLine.decode("[1]"));
    assertThrows(IllegalArgumentException.class, () -> ExportLine.decode("{\"id\":"));
  }

  @Test
  void importedTimestampsAreNormalised() {
    assertEquals(1700000000.25, ImportedRecord.timestamp("1700000000.25"));
    assertEquals(1704164645.0, ImportedRecord.timestamp("2024-01-02T03:04:05Z"));
    assertEquals(1704164645.0, ImportedRecord.timestamp("2024-01-02T04:04:05+01:00"));
    assertEquals(42.0, ImportedRecord.timestamp(42));
    double now = System.currentTimeMillis() / 1000.0;
    assertTrue(Math.abs(ImportedRecord.timestamp("soon") - now) < 5);
  }

  @Test
  void limitsBodiesByUtf8Bytes() {
    JsonObject record = new JsonObject().put("request_body", "\"" + "€".repeat(10) + "\"").put("response_body", "abc");
    BodyLimit.apply(record, 32);
    assertEquals("\"" + "€".repeat(10) + "\"", record.getString("request_body"), "10 × 3 + 2 = 32 bytes fit");
    BodyLimit.apply(record, 0);
    assertTrue(record.getString("request_body").startsWith("\"€"), "0 means no limit");
    BodyLimit.apply(record, 31);
    JsonObject marker = new JsonObject(record.getString("request_body"));
    assertEquals(32, marker.getLong("_size"));
    assertEquals("abc", record.getString("response_body"));
    assertEquals(4, Utf8.length("a\uD83D\uDE00".substring(1)));
  }
}
