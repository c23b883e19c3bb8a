package io.ghcapi.translator.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicErrorsTest {

  @ParameterizedTest
  @CsvSource({"400,invalid_request_error", "401,authentication_error", "402,billing_error", "403,permission_error",
      "404,not_found_error", "409,conflict_error", "413,request_too_large", "422,invalid_request_error",
      "429,rate_limit_error", "500,api_error", "502,api_error", "503,overloaded_error", "504,timeout_error",
      "529,overloaded_error", "0,api_error"})
  void typeForStatus(int status, String type) {
    assertEquals(type, AnthropicErrors.typeFor(status));
  }

  @Test
  void bodyHasTheTopLevelErrorType() {
    assertEquals(new JsonObject("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Slow down\"}}"),
        AnthropicErrors.body(429, "Slow down"));
  }

  @Test
  void anAnthropicUpstreamBodyIsKeptAsItIs() {
    String upstream = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_1\"}";
    assertEquals(new JsonObject(upstream), AnthropicErrors.fromUpstream(529, upstream));
  }

  @Test
  void anOpenAiUpstreamBodyIsRewrapped() {
    String upstream = "{\"error\":{\"message\":\"prompt token count of 200000 exceeds the limit of 128000\","
        + "\"type\":\"invalid_request_error\",\"code\":\"model_max_prompt_tokens_exceeded\",\"param\":null}}";
    assertEquals(AnthropicErrors.body(400, "prompt token count of 200000 exceeds the limit of 128000"),
        AnthropicErrors.fromUpstream(400, upstream));
  }

  @Test
  void aBareMessageBodyIsRewrapped() {
    assertEquals(AnthropicErrors.body(401, "Bad credentials"), AnthropicErrors.fromUpstream(401, "{\"message\":\"Bad credentials\"}"));
  }

  @Test
  void otherTextBecomesTheMessage() {
    assertEquals(AnthropicErrors.body(502, "<html>Bad Gateway</html>"), AnthropicErrors.fromUpstream(502, "<html>Bad Gateway</html>\n"));
    assertEquals(AnthropicErrors.body(500, "{\"error\":\"boom\"}"), AnthropicErrors.fromUpstream(500, "{\"error\":\"boom\"}"));
    assertEquals(AnthropicErrors.body(503, "{not json"), AnthropicErrors.fromUpstream(503, "{not json"));
  }

  @Test
  void anEmptyBodySaysWhatHappened() {
    assertEquals(AnthropicErrors.body(503, "Upstream returned HTTP 503"), AnthropicErrors.fromUpstream(503, ""));
    assertEquals(AnthropicErrors.body(500, "Upstream returned HTTP 500"), AnthropicErrors.fromUpstream(500, null));
  }
}
