package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import io.ghcapi.simulator.Fault;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official OpenAI Java SDK, with strict response validation, against the gateway in front of the simulator. */
@ExtendWith(VertxExtension.class)
class OpenAiSdkTest {

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

  @Test
  void listsModelsWithTheirLimits() {
    List<Model> models = client.models().list().data();

    Model gpt41 = models.stream().filter(m -> m.id().equals("gpt-4.1")).findFirst().orElseThrow();
    Map<String, JsonValue> extra = gpt41._additionalProperties();
    assertTrue(extra.containsKey("context_window"), "context window is exposed");
    assertTrue(extra.containsKey("max_output_tokens"), "max output tokens are exposed");
    assertTrue(models.stream().anyMatch(m -> m.id().equals("text-embedding-3-small")));
  }

  @Test
  void chatCompletionWithoutStreaming() {
    ChatCompletion completion = client.chat().completions().create(chat("gpt-4.1", "hello there"));

    assertEquals("Simulated reply from gpt-4.1: hello there", completion.choices().get(0).message().content().orElseThrow());
    assertTrue(completion.usage().orElseThrow().promptTokens() > 0);
  }

  @Test
  void chatCompletionStreamsTheSameAnswer() {
    StringBuilder text = new StringBuilder();
    int chunks = 0;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("gpt-4.1", "stream me"))) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
        chunks++;
        chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
      }
    }
    assertEquals("Simulated reply from gpt-4.1: stream me", text.toString());
    assertTrue(chunks >= 6, "answer arrived in several chunks, got " + chunks);
  }

  @Test
  void toolCallWithoutStreaming() {
    ChatCompletion completion = client.chat().completions().create(withWeatherTool("gpt-4.1"));

    List<ChatCompletionMessageToolCall> calls = completion.choices().get(0).message().toolCalls().orElseThrow();
    assertEquals(1, calls.size());
    assertEquals("get_weather", calls.get(0).asFunction().function().name());
    assertEquals("sim", new JsonObject(calls.get(0).asFunction().function().arguments()).getString("location"));
    assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, completion.choices().get(0).finishReason());
  }

  @Test
  void toolCallStreamedReassemblesToTheSameCall() {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(withWeatherTool("gpt-4.1"))) {
      stream.stream().forEach(accumulator::accumulate);
    }
    ChatCompletion completion = accumulator.chatCompletion();
    ChatCompletionMessageToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow().get(0);
    assertEquals("get_weather", call.asFunction().function().name());
    assertEquals("sim", new JsonObject(call.asFunction().function().arguments()).getString("location"));
  }

  @Test
  void streamedUsageReachesTheSdkAccumulator() {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    ChatCompletionCreateParams params = chat("gpt-4.1", "count my tokens").toBuilder()
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    ChatCompletion completion = accumulator.chatCompletion();
    assertTrue(completion.usage().orElseThrow().promptTokens() > 0);
    assertEquals("Simulated reply from gpt-4.1: count my tokens", completion.choices().get(0).message().content().orElseThrow());
  }

  @Test
  void embeddings() {
    CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
        .model("text-embedding-3-small").input("embed this").build());

    assertEquals(1, response.data().size());
    assertEquals(64, response.data().get(0).embedding().size());
    assertEquals("text-embedding-3-small", response.model());
  }

  @Test
  void datedClaudeNamesReachCopilotNormalised() {
    client.chat().completions().create(chat("claude-sonnet-4-5-20250929", "hi"));

    assertEquals("claude-sonnet-4.5",
        fixture.simulator.received().last("/chat/completions").orElseThrow().json().getString("model"));
  }

  @Test
  void rateLimitSurfacesWithItsRetryAfter() {
    fixture.simulator.faults().inject(Fault.rateLimited(1, 7));

    RateLimitException error = assertThrows(RateLimitException.class,
        () -> client.chat().completions().create(chat("gpt-4.1", "hi")));
    assertEquals(429, error.statusCode());
    assertEquals(List.of("7"), error.headers().values("retry-after"));
  }

  @Test
  void rateLimitOnAStreamKeepsItsStatus() {
    fixture.simulator.faults().inject(Fault.rateLimited(1, 3));

    RateLimitException error = assertThrows(RateLimitException.class, () -> {
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("gpt-4.1", "hi"))) {
        stream.stream().forEach(chunk -> { });
      }
    });
    assertEquals(429, error.statusCode());
  }

  @Test
  void upstreamServerErrorKeepsItsStatus() {
    fixture.simulator.faults().inject(Fault.serverError(1));

    InternalServerException error = assertThrows(InternalServerException.class,
        () -> client.chat().completions().create(chat("gpt-4.1", "hi")));
    assertEquals(500, error.statusCode());
  }

  @Test
  void unknownModelIsABadRequestInOpenAiShape() {
    BadRequestException error = assertThrows(BadRequestException.class,
        () -> client.chat().completions().create(chat("no-such-model", "hi")));
    assertEquals(400, error.statusCode());
    assertEquals("model_not_supported", error.code().orElseThrow());
    assertFalse(error.getMessage().isBlank());
  }

  private static ChatCompletionCreateParams chat(String model, String text) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage(text).build();
  }

  private static ChatCompletionCreateParams withWeatherTool(String model) {
    FunctionParameters parameters = FunctionParameters.builder()
        .putAdditionalProperty("type", JsonValue.from("object"))
        .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
        .putAdditionalProperty("required", JsonValue.from(List.of("location")))
        .build();
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("weather in Paris?")
        .addFunctionTool(FunctionDefinition.builder().name("get_weather").description("Current weather")
            .parameters(parameters).build())
        .build();
  }
}
