package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.AssistantMessageParam;
import com.anthropic.models.messages.UserMessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.ToolUseBlockParam;
import io.ghcapi.simulator.Fault;
import io.ghcapi.translator.anthropic.AnthropicSseGrammar;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Anthropic Java SDK against {@code /v1/messages}, with each kind of model: a Claude model
 * Copilot serves natively, a chat-only model (translated through Chat Completions) and a responses-only
 * model (translated through Chat Completions and Responses).
 */
@ExtendWith(VertxExtension.class)
class AnthropicApiTest {

  private GatewayFixture fixture;
  private AnthropicClient client;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    client = AnthropicOkHttpClient.builder().baseUrl(fixture.baseUrl()).apiKey("sk-ant-test").maxRetries(0)
        .responseValidation(true).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1", "gpt-5-codex"})
  void aMessage(String model) {
    Message message = client.messages().create(text(model, "hello there"));

    assertEquals("Simulated reply from " + model + ": hello there", message.content().get(0).asText().text());
    assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
    assertEquals(model, message.model().asString());
    assertTrue(message.usage().inputTokens() > 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1", "gpt-5-codex"})
  void aStreamedMessage(String model) {
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(text(model, "stream me"))) {
      stream.stream().forEach(accumulator::accumulate);
    }
    Message message = accumulator.message();
    assertEquals("Simulated reply from " + model + ": stream me", message.content().get(0).asText().text());
    assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
    assertTrue(message.usage().outputTokens() > 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1", "gpt-5-codex"})
  void theStreamFollowsTheAnthropicEventGrammar(String model) {
    JsonObject request = new JsonObject().put("model", model).put("max_tokens", 256).put("stream", true)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "weather?")))
        .put("tools", new JsonArray().add(weatherToolJson()));
    HttpResponse<Buffer> response = Await.result(fixture.web().post("/v1/messages")
        .putHeader("anthropic-version", "2023-06-01").sendBuffer(request.toBuffer()));

    assertEquals(200, response.statusCode());
    String body = response.bodyAsString();
    assertEquals(List.of(), AnthropicSseGrammar.violations(body), body);
    assertTrue(body.contains("\"stop_reason\":\"tool_use\""), body);
    assertFalse(body.contains("[DONE]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1", "gpt-5-codex"})
  void aToolRoundTrip(String model) {
    MessageCreateParams ask = MessageCreateParams.builder().model(model).maxTokens(256)
        .addUserMessage("What is the weather in Paris?").addTool(weatherTool()).build();
    Message first = client.messages().create(ask);
    ToolUseBlock call = first.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow().asToolUse();
    assertEquals("get_weather", call.name());
    assertEquals(StopReason.TOOL_USE, first.stopReason().orElseThrow());

    MessageCreateParams answer = ask.toBuilder()
        .addMessage(AssistantMessageParam.builder().contentOfContentBlockParams(List.of(
            ContentBlockParam.ofToolUse(ToolUseBlockParam.builder().id(call.id()).name(call.name())
                .input(call._input()).build()))).build())
        .addMessage(UserMessageParam.builder().contentOfContentBlockParams(List.of(
            ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId(call.id()).content("sunny, 21C")
                .build()))).build())
        .build();
    Message second = client.messages().create(answer);

    assertEquals("Tool result received: sunny, 21C", second.content().get(0).asText().text());
    assertEquals("agent", fixture.simulator.received().all().get(fixture.simulator.received().all().size() - 1)
        .header("x-initiator"), "a tool result is the agent's turn, not a premium request");
  }

  @Test
  void thinkingBlocksArriveWithTheirSignature() {
    Message message = client.messages().create(text("claude-sonnet-4.5", "think first").toBuilder()
        .maxTokens(4096).thinking(com.anthropic.models.messages.ThinkingConfigParam.ofEnabled(2048)).build());

    assertTrue(message.content().get(0).isThinking(), message.content().toString());
    assertFalse(message.content().get(0).asThinking().signature().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1"})
  void anImageReachesCopilotWithTheVisionHeader(String model) {
    JsonObject request = new JsonObject().put("model", model).put("max_tokens", 64)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", new JsonArray()
            .add(new JsonObject().put("type", "image").put("source", new JsonObject().put("type", "base64")
                .put("media_type", "image/png").put("data", "iVBORw0KGgo=")))
            .add(new JsonObject().put("type", "text").put("text", "what is this?")))));
    HttpResponse<Buffer> response = fixture.post("/v1/messages", request.encode());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    String path = model.startsWith("claude") ? "/v1/messages" : "/chat/completions";
    assertEquals("true", fixture.simulator.received().last(path).orElseThrow().header("copilot-vision-request"));
  }

  @Test
  void countTokensUsesARealTokenizer() {
    long counted = client.messages().countTokens(MessageCountTokensParams.builder().model("claude-sonnet-4.5")
        .addUserMessage("The quick brown fox jumps over the lazy dog.").build()).inputTokens();

    assertTrue(counted >= 10 && counted <= 20, "about a dozen tokens, got " + counted);
  }

  @Test
  void aOneTokenProbeIsAnsweredWithoutCopilot() {
    int before = fixture.simulator.received().count("/v1/messages");
    Message message = client.messages().create(text("claude-sonnet-4.5", "probe").toBuilder().maxTokens(1).build());

    assertEquals(StopReason.MAX_TOKENS, message.stopReason().orElseThrow());
    assertEquals(before, fixture.simulator.received().count("/v1/messages"));
  }

  @Test
  void claudeCodesDatedModelNamesReachTheNativeModel() {
    Message message = client.messages().create(text("claude-sonnet-4-5-20250929", "dated"));
    assertEquals("claude-sonnet-4-5-20250929", message.model().asString());
    assertEquals("claude-sonnet-4.5", fixture.simulator.received().last("/v1/messages").orElseThrow().json()
        .getString("model"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1"})
  void aRateLimitIsARateLimitError(String model) {
    fixture.simulator.faults().inject(Fault.rateLimited(1, 4));

    RateLimitException error = assertThrows(RateLimitException.class, () -> client.messages().create(text(model, "hi")));
    assertEquals(429, error.statusCode());
    assertEquals(List.of("4"), error.headers().values("retry-after"));
  }

  @Test
  void anUpstreamFailureIsAnApiError() {
    fixture.simulator.faults().inject(Fault.serverError(1));
    InternalServerException error = assertThrows(InternalServerException.class,
        () -> client.messages().create(text("gpt-4.1", "hi")));
    assertEquals(500, error.statusCode());
  }

  @Test
  void badInputIsAnInvalidRequestErrorInAnthropicShape() {
    HttpResponse<Buffer> missing = fixture.post("/v1/messages",
        "{\"model\":\"claude-sonnet-4.5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertEquals(400, missing.statusCode());
    JsonObject body = missing.bodyAsJsonObject();
    assertEquals("error", body.getString("type"));
    assertEquals("invalid_request_error", body.getJsonObject("error").getString("type"));
    assertTrue(body.getJsonObject("error").getString("message").contains("max_tokens"));

    BadRequestException malformed = assertThrows(BadRequestException.class, () -> client.messages().create(
        text("claude-sonnet-4.5", "hi").toBuilder().putAdditionalBodyProperty("temperature", JsonValue.from("hot")).build()));
    assertEquals(400, malformed.statusCode());
  }

  @Test
  void theProbesClaudeCodeSendsAreAnswered() {
    assertEquals(200, Await.result(fixture.web().head("/").send()).statusCode());
    assertEquals(200, Await.result(fixture.web().head("/v1/messages").send()).statusCode());
    HttpResponse<Buffer> query = fixture.post("/v1/messages?beta=true", new JsonObject().put("model", "claude-sonnet-4.5")
        .put("max_tokens", 32).put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "q")))
        .encode());
    assertEquals(200, query.statusCode());
  }

  @Test
  void billingHeaderBlocksAreRemovedAndTheLastTurnDecidesTheInitiator() {
    JsonObject request = new JsonObject().put("model", "claude-sonnet-4.5").put("max_tokens", 64)
        .put("system", new JsonArray()
            .add(new JsonObject().put("type", "text").put("text", "x-anthropic-billing-header: cc_version=2.1.197"))
            .add(new JsonObject().put("type", "text").put("text", "You are Claude Code.")))
        .put("messages", new JsonArray()
            .add(new JsonObject().put("role", "user").put("content", "hi"))
            .add(new JsonObject().put("role", "system").put("content", "Available agent types...")));
    assertEquals(200, fixture.post("/v1/messages", request.encode()).statusCode());

    var upstream = fixture.simulator.received().last("/v1/messages").orElseThrow();
    assertFalse(upstream.body().contains("x-anthropic-billing-header"));
    assertEquals("user", upstream.header("x-initiator"));
  }

  private static MessageCreateParams text(String model, String text) {
    return MessageCreateParams.builder().model(model).maxTokens(256).addUserMessage(text).build();
  }

  private static Tool weatherTool() {
    return Tool.builder().name("get_weather").description("Current weather in a city")
        .inputSchema(Tool.InputSchema.builder()
            .properties(JsonValue.from(Map.of("location", Map.of("type", "string"))))
            .required(List.of("location")).build())
        .build();
  }

  private static JsonObject weatherToolJson() {
    return new JsonObject().put("name", "get_weather").put("description", "Current weather")
        .put("input_schema", new JsonObject().put("type", "object")
            .put("properties", new JsonObject().put("location", new JsonObject().put("type", "string")))
            .put("required", new JsonArray().add("location")));
  }
}
