package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of bad input gets a clear OpenAI-shaped error with the right status, and the server keeps serving. */
@ExtendWith(VertxExtension.class)
class BadInputTest {

  private static final int BODY_LIMIT = 4096;
  private GatewayFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("max_request_body_size", BODY_LIMIT).start();
  }

  @AfterEach
  void stop() {
    assertServerStillServes();
    fixture.close();
  }

  @Test
  void malformedJson() {
    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", "{\"model\": \"gpt-4.1\", ");
    JsonObject error = errorOf(response, 400);
    assertEquals("invalid_json", error.getString("code"));
    assertTrue(error.getString("message").startsWith("Request body is not valid JSON"), error.getString("message"));
  }

  @Test
  void emptyBody() {
    assertEquals("invalid_json", errorOf(fixture.post("/v1/chat/completions", ""), 400).getString("code"));
  }

  @Test
  void aJsonArrayInsteadOfAnObject() {
    JsonObject error = errorOf(fixture.post("/v1/chat/completions", "[1, 2]"), 400);
    assertEquals("Request body must be a JSON object.", error.getString("message"));
  }

  @Test
  void missingModelNamesTheParameter() {
    JsonObject error = errorOf(fixture.post("/v1/chat/completions", "{\"messages\": []}"), 400);
    assertEquals("model", error.getString("param"));
  }

  @Test
  void messagesMustBeAnArray() {
    JsonObject error = errorOf(fixture.post("/v1/chat/completions", "{\"model\": \"gpt-4.1\", \"messages\": \"hi\"}"), 400);
    assertEquals("messages", error.getString("param"));
  }

  @Test
  void nestingDeeperThanOneHundredLevels() {
    JsonObject error = errorOf(fixture.post("/v1/chat/completions", nested(101)), 400);
    assertEquals("JSON nesting is too deep: exceeds the maximum of 100 levels", error.getString("message"));
  }

  @Test
  void nestingOfExactlyOneHundredLevelsIsAccepted() {
    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", nested(100));
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  @Test
  void bodyOverTheLimitByContentLength() {
    String big = GatewayFixture.chat("gpt-4.1", "x".repeat(BODY_LIMIT), false);
    JsonObject error = errorOf(fixture.post("/v1/chat/completions", big), 413);
    assertEquals("request_too_large", error.getString("code"));
  }

  @Test
  void chunkedBodyOverTheLimit() {
    HttpClient client = fixture.vertx.createHttpClient();
    int[] status = new int[1];
    Buffer body = Await.result(client.request(new RequestOptions().setMethod(HttpMethod.POST)
            .setHost("127.0.0.1").setPort(fixture.gateway.port()).setURI("/v1/chat/completions"))
        .compose(request -> {
          request.setChunked(true);
          Future<HttpClientResponse> answer = request.response();
          for (int i = 0; i < 8; i++) {
            request.write("x".repeat(1024));
          }
          request.end();
          return answer;
        })
        .compose(response -> {
          status[0] = response.statusCode();
          return response.body();
        }));
    assertEquals(413, status[0]);
    assertEquals("request_too_large", new JsonObject(body).getJsonObject("error").getString("code"));
    Await.result(client.close());
  }

  @Test
  void unknownRouteIsAJson404() {
    JsonObject error = errorOf(fixture.get("/v1/does-not-exist"), 404);
    assertEquals("Unknown route: GET /v1/does-not-exist", error.getString("message"));
  }

  @Test
  void wrongMethodIsAJson405() {
    JsonObject error = errorOf(fixture.get("/v1/chat/completions"), 405);
    assertEquals("method_not_allowed", error.getString("code"));
  }

  @Test
  void streamMustBeABoolean() {
    JsonObject body = new JsonObject(GatewayFixture.chat("gpt-4.1", "hi", false)).put("stream", "yes");
    assertEquals("stream", errorOf(fixture.post("/v1/chat/completions", body.encode()), 400).getString("param"));
  }

  @Test
  void embeddingsRejectAnEmptyInputAndAChatModel() {
    JsonObject emptyInput = errorOf(fixture.post("/v1/embeddings",
        "{\"model\": \"text-embedding-3-small\", \"input\": \"\"}"), 400);
    assertEquals("input", emptyInput.getString("param"));
    JsonObject chatModel = errorOf(fixture.post("/v1/embeddings", "{\"model\": \"gpt-4.1\", \"input\": \"hi\"}"), 400);
    assertEquals("unsupported_model", chatModel.getString("code"));
  }

  private void assertServerStillServes() {
    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "still here?", false));
    assertEquals(200, response.statusCode());
  }

  private static JsonObject errorOf(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("content-type").startsWith("application/json"));
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertEquals(status == 404 || status == 405 || status == 413 || status == 400 ? "invalid_request_error" : null,
        error.getString("type"));
    assertTrue(error.containsKey("param") && error.containsKey("code"));
    assertTrue(!response.bodyAsString().contains("Exception") && !response.bodyAsString().contains("\tat "),
        "no stack trace reaches the client");
    return error;
  }

  /** A valid chat request whose extra field nests objects {@code depth} levels deep in total. */
  private static String nested(int depth) {
    StringBuilder value = new StringBuilder();
    int inner = depth - 1;
    value.append("{\"a\":".repeat(inner - 1)).append("{}").append("}".repeat(inner - 1));
    return "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"deep\"}],\"metadata\":" + value + "}";
  }
}
