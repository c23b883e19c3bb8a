package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chat Completions clients with each kind of model: Claude, chat-only, and responses-only (translated). */
@ExtendWith(VertxExtension.class)
class ChatAcrossModelsTest {

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
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1", "gpt-5-codex"})
  void aStreamWithUsage(String model) {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage("stream please")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    ChatCompletion completion = accumulator.chatCompletion();
    assertEquals("Simulated reply from " + model + ": stream please",
        completion.choices().get(0).message().content().orElseThrow());
    assertEquals(true, completion.usage().orElseThrow().completionTokens() > 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-sonnet-4.5", "gpt-4.1", "gpt-5-codex"})
  void aToolRoundTripStreamed(String model) {
    ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder().model(model).addUserMessage("weather in Paris?")
        .addFunctionTool(weatherTool()).build();
    ChatCompletion first = accumulate(ask);
    ChatCompletionMessageToolCall call = first.choices().get(0).message().toolCalls().orElseThrow().get(0);
    assertEquals("get_weather", call.asFunction().function().name());

    ChatCompletionCreateParams answer = ask.toBuilder()
        .addMessage(ChatCompletionAssistantMessageParam.builder().addToolCall(call).build())
        .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.asFunction().id()).content("sunny").build())
        .build();
    ChatCompletion second = accumulate(answer);

    assertEquals("Tool result received: sunny", second.choices().get(0).message().content().orElseThrow());
  }

  private ChatCompletion accumulate(ChatCompletionCreateParams params) {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    return accumulator.chatCompletion();
  }

  private static FunctionDefinition weatherTool() {
    return FunctionDefinition.builder().name("get_weather").description("Current weather")
        .parameters(FunctionParameters.builder()
            .putAdditionalProperty("type", JsonValue.from("object"))
            .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
            .putAdditionalProperty("required", JsonValue.from(List.of("location"))).build())
        .build();
  }
}
