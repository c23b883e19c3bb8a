package io.ghcapi.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link EmbeddingsHandler#normalisedInput(Object)}. */
class EmbeddingsInputTest {

  @Test
  void stringBecomesAOneElementList() {
    assertEquals(Optional.of(new JsonArray().add("hello")), EmbeddingsHandler.normalisedInput("hello"));
  }

  @Test
  void listOfIntegersBecomesOnePreTokenisedInput() {
    JsonArray tokens = new JsonArray().add(1).add(2).add(3);
    Optional<JsonArray> result = EmbeddingsHandler.normalisedInput(tokens);
    assertEquals(Optional.of(new JsonArray().add(new JsonArray().add(1).add(2).add(3))), result);
  }

  @Test
  void listOfIntegersParsedFromJsonIsWrapped() {
    Object parsed = new JsonObject("{\"input\":[100,200,3000000000]}").getValue("input");
    JsonArray result = EmbeddingsHandler.normalisedInput(parsed).orElseThrow();
    assertEquals(1, result.size());
    assertEquals(3, result.getJsonArray(0).size());
  }

  @Test
  void listOfStringsIsKept() {
    JsonArray strings = new JsonArray().add("a").add("b");
    assertEquals(Optional.of(new JsonArray().add("a").add("b")), EmbeddingsHandler.normalisedInput(strings));
  }

  @Test
  void listOfTokenListsIsKept() {
    JsonArray batches = new JsonArray().add(new JsonArray().add(1)).add(new JsonArray().add(2).add(3));
    assertEquals(Optional.of(batches.copy()), EmbeddingsHandler.normalisedInput(batches));
  }

  @Test
  void emptyOrMissingInputsAreRefused() {
    assertTrue(EmbeddingsHandler.normalisedInput("").isEmpty());
    assertTrue(EmbeddingsHandler.normalisedInput(new JsonArray()).isEmpty());
    assertTrue(EmbeddingsHandler.normalisedInput(null).isEmpty());
    assertTrue(EmbeddingsHandler.normalisedInput(new JsonArray().add("")).isEmpty());
    assertTrue(EmbeddingsHandler.normalisedInput(new JsonArray().add("a").add("")).isEmpty());
    assertTrue(EmbeddingsHandler.normalisedInput(new JsonArray().addNull()).isEmpty());
  }

  @Test
  void otherTypesAreRefused() {
    assertTrue(EmbeddingsHandler.normalisedInput(42).isEmpty());
    assertTrue(EmbeddingsHandler.normalisedInput(new JsonObject().put("text", "x")).isEmpty());
    assertTrue(EmbeddingsHandler.normalisedInput(true).isEmpty());
  }
}
