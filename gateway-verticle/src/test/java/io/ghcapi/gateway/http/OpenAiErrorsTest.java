package io.ghcapi.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

  private static JsonObject error(Buffer body) {
    JsonObject json = new JsonObject(body);
    assertTrue(json.getValue("error") instanceof JsonObject, json.encode());
    return json.getJsonObject("error");
  }

  @Test
  void keepsAnOpenAiErrorBody() {
    String upstream = "{\"error\":{\"message\":\"Too many\",\"type\":\"rate_limit_error\",\"code\":\"rl\",\"param\":null}}";
    JsonObject e = error(OpenAiErrors.fromUpstream(429, Buffer.buffer(upstream)));
    assertEquals("Too many", e.getString("message"));
    assertEquals("rate_limit_error", e.getString("type"));
    assertEquals("rl", e.getString("code"));
    assertEquals(new JsonObject(upstream), new JsonObject(OpenAiErrors.fromUpstream(429, Buffer.buffer(upstream))));
  }

  @Test
  void keepsOtherTopLevelFieldsOfAnOpenAiErrorBody() {
    String upstream = "{\"error\":{\"message\":\"bad\",\"type\":\"x\"},\"extra\":1}";
    JsonObject json = new JsonObject(OpenAiErrors.fromUpstream(400, Buffer.buffer(upstream)));
    assertEquals(1, json.getInteger("extra"));
  }

  @Test
  void addsAMissingTypeFromTheStatus() {
    JsonObject e = error(OpenAiErrors.fromUpstream(400, Buffer.buffer("{\"error\":{\"message\":\"bad model\",\"code\":\"model_not_supported\"}}")));
    assertEquals("bad model", e.getString("message"));
    assertEquals("invalid_request_error", e.getString("type"));
    assertEquals("model_not_supported", e.getString("code"));
    assertEquals("server_error",
        error(OpenAiErrors.fromUpstream(503, Buffer.buffer("{\"error\":{\"message\":\"down\"}}"))).getString("type"));
  }

  @Test
  void wrapsAMessageObject() {
    JsonObject e = error(OpenAiErrors.fromUpstream(403, Buffer.buffer("{\"message\":\"Forbidden for you\"}")));
    assertEquals("Forbidden for you", e.getString("message"));
    assertEquals("permission_error", e.getString("type"));
    assertEquals("upstream_error", e.getString("code"));
    assertTrue(e.containsKey("param"));
    assertNull(e.getValue("param"));
  }

  @Test
  void wrapsAStringError() {
    JsonObject e = error(OpenAiErrors.fromUpstream(500, Buffer.buffer("{\"error\":\"boom\"}")));
    assertEquals("boom", e.getString("message"));
    assertEquals("server_error", e.getString("type"));
  }

  @Test
  void wrapsOtherJsonAsText() {
    String upstream = "{\"detail\":\"nope\"}";
    JsonObject e = error(OpenAiErrors.fromUpstream(422, Buffer.buffer(upstream)));
    assertEquals(upstream, e.getString("message"));
    assertEquals("invalid_request_error", e.getString("type"));
  }

  @Test
  void wrapsPlainText() {
    JsonObject e = error(OpenAiErrors.fromUpstream(502, Buffer.buffer("Bad Gateway")));
    assertEquals("Bad Gateway", e.getString("message"));
    assertEquals("server_error", e.getString("type"));
    assertEquals("upstream_error", e.getString("code"));
  }

  @Test
  void wrapsJsonThatIsNotAnObject() {
    JsonObject e = error(OpenAiErrors.fromUpstream(500, Buffer.buffer("[1,2]")));
    assertEquals("[1,2]", e.getString("message"));
    assertEquals("null", error(OpenAiErrors.fromUpstream(500, Buffer.buffer("null"))).getString("message"));
    assertEquals("42", error(OpenAiErrors.fromUpstream(500, Buffer.buffer("42"))).getString("message"));
    assertEquals("{\"error\":null}",
        error(OpenAiErrors.fromUpstream(500, Buffer.buffer("{\"error\":null}"))).getString("message"));
  }

  @Test
  void wrapsAnEmptyBody() {
    JsonObject e = error(OpenAiErrors.fromUpstream(503, Buffer.buffer()));
    assertEquals("Copilot answered HTTP 503 with no body", e.getString("message"));
    assertEquals("server_error", e.getString("type"));
    JsonObject nullBody = error(OpenAiErrors.fromUpstream(401, null));
    assertEquals("Copilot answered HTTP 401 with no body", nullBody.getString("message"));
    assertEquals("authentication_error", nullBody.getString("type"));
  }

  @Test
  void bodyHasTheOpenAiShape() {
    JsonObject body = OpenAiErrors.body(ApiError.of(404, "model_not_found", "No such model").withParam("model"));
    JsonObject e = body.getJsonObject("error");
    assertEquals("No such model", e.getString("message"));
    assertEquals("invalid_request_error", e.getString("type"));
    assertEquals("model", e.getString("param"));
    assertEquals("model_not_found", e.getString("code"));
    assertEquals(1, body.size());
  }

  @Test
  void apiErrorKeepsRetryAfter() {
    ApiError e = ApiError.of(429, "rate_limited", "slow down").withRetryAfter("7");
    assertEquals("7", e.retryAfter());
    assertEquals(429, e.status());
    assertEquals("rate_limit_error", e.type());
  }

  @Test
  void typeForMapsStatuses() {
    assertEquals("invalid_request_error", ApiError.typeFor(400));
    assertEquals("authentication_error", ApiError.typeFor(401));
    assertEquals("permission_error", ApiError.typeFor(403));
    assertEquals("invalid_request_error", ApiError.typeFor(404));
    assertEquals("invalid_request_error", ApiError.typeFor(405));
    assertEquals("invalid_request_error", ApiError.typeFor(409));
    assertEquals("invalid_request_error", ApiError.typeFor(413));
    assertEquals("invalid_request_error", ApiError.typeFor(415));
    assertEquals("invalid_request_error", ApiError.typeFor(422));
    assertEquals("rate_limit_error", ApiError.typeFor(429));
    assertEquals("server_error", ApiError.typeFor(500));
    assertEquals("server_error", ApiError.typeFor(502));
    assertEquals("server_error", ApiError.typeFor(504));
    assertEquals("invalid_request_error", ApiError.typeFor(418));
  }
}
