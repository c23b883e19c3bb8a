package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStreamEvent;
import io.ghcapi.translator.responses.ResponsesSseGrammar;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAI Java SDK's Responses API (what Codex speaks) against {@code /v1/responses}, with a model Copilot
 * serves on /responses (passed through) and models it serves only on chat (translated); and Chat Completions
 * clients with a responses-only model.
 */
@ExtendWith(VertxExtension.class)
class ResponsesApiTest {

  private GatewayFixture fixture;
  private OpenAIClient client;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    client = fixture.openAi();
  }

  @AfterEach
  void stop() {
    client.close();
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-5", "gpt-4.1", "claude-sonnet-4.5"})
  void aResponse(String model) {
    Response response = client.responses().create(ResponseCreateParams.builder().model(model).input("hello there").build());

    String text = response.output().stream().flatMap(item -> item.message().stream())
        .flatMap(message -> message.content().stream()).map(content -> content.asOutputText().text())
        .reduce("", String::concat);
    assertEquals("Simulated reply from " + model + ": hello there", text);
    assertTrue(response.usage().orElseThrow().inputTokens() > 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-5", "gpt-4.1", "claude-sonnet-4.5"})
  void aStreamedResponse(String model) {
    StringBuilder text = new StringBuilder();
    List<Response> completed = new ArrayList<>();
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
        ResponseCreateParams.builder().model(model).input("stream me").build())) {
      stream.stream().forEach(event -> {
        event.outputTextDelta().ifPresent(delta -> text.append(delta.delta()));
        event.completed().ifPresent(done -> completed.add(done.response()));
      });
    }
    assertEquals("Simulated reply from " + model + ": stream me", text.toString());
    assertEquals(1, completed.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-5", "gpt-4.1", "claude-sonnet-4.5"})
  void theStreamSatisfiesWhatCodexParses(String model) {
    JsonObject request = new JsonObject().put("model", model).put("stream", true)
        .put("input", new JsonArray().add(new JsonObject().put("type", "message").put("role", "user")
            .put("content", new JsonArray().add(new JsonObject().put("type", "input_text").put("text", "run ls")))))
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function").put("name", "shell")
            .put("description", "Run a command").put("parameters", new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("command", new JsonObject().put("type", "string")))
                .put("required", new JsonArray().add("command")))));
    HttpResponse<Buffer> response = Await.result(fixture.web().post("/v1/responses").sendBuffer(request.toBuffer()));

    assertEquals(200, response.statusCode());
    String body = response.bodyAsString();
    assertEquals(List.of(), ResponsesSseGrammar.violations(body), body);
    assertTrue(body.contains("\"type\":\"function_call\""), body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-5", "gpt-4.1", "claude-sonnet-4.5"})
  void aFunctionCallRoundTrip(String model) {
    FunctionTool shell = FunctionTool.builder().name("shell").description("Run a command").strict(false)
        .parameters(FunctionTool.Parameters.builder()
            .putAdditionalProperty("type", JsonValue.from("object"))
            .putAdditionalProperty("properties", JsonValue.from(Map.of("command", Map.of("type", "string"))))
            .putAdditionalProperty("required", JsonValue.from(List.of("command"))).build())
        .build();
    Response first = client.responses().create(ResponseCreateParams.builder().model(model).input("list files")
        .addTool(shell).build());
    ResponseFunctionToolCall call = first.output().stream().flatMap(item -> item.functionCall().stream())
        .findFirst().orElseThrow();
    assertEquals("shell", call.name());

    List<ResponseInputItem> history = new ArrayList<>();
    history.add(ResponseInputItem.ofMessage(ResponseInputItem.Message.builder()
        .role(ResponseInputItem.Message.Role.USER).addInputTextContent("list files").build()));
    history.add(ResponseInputItem.ofFunctionCall(call));
    history.add(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
        .callId(call.callId()).output("a.txt b.txt").build()));
    Response second = client.responses().create(ResponseCreateParams.builder().model(model)
        .inputOfResponse(history).addTool(shell).build());

    String text = second.output().stream().flatMap(item -> item.message().stream())
        .flatMap(message -> message.content().stream()).map(content -> content.asOutputText().text())
        .reduce("", String::concat);
    assertEquals("Tool result received: a.txt b.txt", text);
    assertEquals("agent", fixture.simulator.received().all().get(fixture.simulator.received().all().size() - 1)
        .header("x-initiator"));
  }

  @Test
  void aChatClientCanUseAResponsesOnlyModel() {
    var completion = client.chat().completions().create(com.openai.models.chat.completions.ChatCompletionCreateParams
        .builder().model("gpt-5-codex").addUserMessage("codex please").build());

    assertEquals("Simulated reply from gpt-5-codex: codex please",
        completion.choices().get(0).message().content().orElseThrow());
    assertEquals(1, fixture.simulator.received().count("/responses"));
  }

  @Test
  void aChatStreamWithAResponsesOnlyModel() {
    StringBuilder text = new StringBuilder();
    try (var stream = client.chat().completions().createStreaming(com.openai.models.chat.completions
        .ChatCompletionCreateParams.builder().model("gpt-5-codex").addUserMessage("stream codex").build())) {
      stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
    }
    assertEquals("Simulated reply from gpt-5-codex: stream codex", text.toString());
  }
}
