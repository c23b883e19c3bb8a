package io.ghcapi.simulator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

  @Test
  void fillsEachRequiredPropertyWithAValueOfItsType() {
    JsonObject schema = new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("s", new JsonObject().put("type", "string"))
            .put("n", new JsonObject().put("type", "number"))
            .put("i", new JsonObject().put("type", "integer"))
            .put("b", new JsonObject().put("type", "boolean"))
            .put("a", new JsonObject().put("type", "array"))
            .put("o", new JsonObject().put("type", "object"))
            .put("nullable", new JsonObject().put("type", new JsonArray().add("null").add("integer")))
            .put("choice", new JsonObject().put("type", "string").put("enum", new JsonArray().add("x").add("y")))
            .put("untyped", new JsonObject())
            .put("notRequired", new JsonObject().put("type", "string")))
        .put("required", new JsonArray().add("s").add("n").add("i").add("b").add("a").add("o").add("nullable")
            .add("choice").add("untyped").add("missingFromProperties"));

    assertEquals(new JsonObject().put("s", "sim").put("n", 1).put("i", 1).put("b", true).put("a", new JsonArray())
            .put("o", new JsonObject()).put("nullable", 1).put("choice", "x").put("untyped", "sim")
            .put("missingFromProperties", "sim"),
        ToolArguments.fill(schema));
  }

  @Test
  void noSchemaOrNoRequiredGivesAnEmptyObject() {
    assertEquals(new JsonObject(), ToolArguments.fill(null));
    assertEquals(new JsonObject(), ToolArguments.fill(new JsonObject().put("type", "object")));
  }
}
