package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class EmbeddingsTest {

  private SimulatorHarness sim;

  @BeforeEach
  void start(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setEmbeddingDimensions(16));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void returnsOneDeterministicUnitVectorPerInput() {
    JsonObject body = embed(new JsonArray().add("alpha").add("beta").add("alpha")).bodyAsJsonObject();

    assertEquals("list", body.getString("object"));
    assertEquals("text-embedding-3-small", body.getString("model"));
    JsonArray data = body.getJsonArray("data");
    assertEquals(3, data.size());
    for (int i = 0; i < 3; i++) {
      JsonObject item = data.getJsonObject(i);
      assertEquals("embedding", item.getString("object"));
      assertEquals(i, item.getInteger("index"));
      assertEquals(16, item.getJsonArray("embedding").size());
      assertEquals(1.0, norm(item.getJsonArray("embedding")), 1e-5);
    }
    assertEquals(data.getJsonObject(0).getJsonArray("embedding"), data.getJsonObject(2).getJsonArray("embedding"));
    assertNotEquals(data.getJsonObject(0).getJsonArray("embedding"), data.getJsonObject(1).getJsonArray("embedding"));
    JsonObject usage = body.getJsonObject("usage");
    assertEquals(usage.getInteger("prompt_tokens"), usage.getInteger("total_tokens"));
    assertEquals(2 + 1 + 2, usage.getInteger("prompt_tokens"), "about a token per four characters, per input");
  }

  @Test
  void acceptsStringsAndTokenIdsAndHonoursDimensionsAndBase64() {
    assertEquals(1, embed("one string").bodyAsJsonObject().getJsonArray("data").size());
    assertEquals(1, embed(new JsonArray().add(1).add(2).add(3)).bodyAsJsonObject().getJsonArray("data").size());
    assertEquals(2, embed(new JsonArray().add(new JsonArray().add(1)).add(new JsonArray().add(2)))
        .bodyAsJsonObject().getJsonArray("data").size());

    JsonObject request = new JsonObject().put("model", "text-embedding-3-small").put("input", "x").put("dimensions", 8);
    JsonArray floats = sim.post("/embeddings", request).bodyAsJsonObject().getJsonArray("data").getJsonObject(0)
        .getJsonArray("embedding");
    assertEquals(8, floats.size());
    String encoded = sim.post("/embeddings", request.copy().put("encoding_format", "base64")).bodyAsJsonObject()
        .getJsonArray("data").getJsonObject(0).getString("embedding");
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
    float[] decoded = new float[8];
    float[] expected = new float[8];
    for (int i = 0; i < 8; i++) {
      decoded[i] = bytes.getFloat();
      expected[i] = floats.getFloat(i);
    }
    assertArrayEquals(expected, decoded);
  }

  @Test
  void rejectsInvalidInput() {
    for (Object input : new Object[] {"", new JsonArray(), 42, new JsonArray().add(true), new JsonArray().add("a").add(1)}) {
      HttpResponse<Buffer> response = embed(input);
      assertEquals(400, response.statusCode(), "input " + input);
      assertEquals("invalid_input", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
  }

  private HttpResponse<Buffer> embed(Object input) {
    return sim.post("/embeddings", new JsonObject().put("model", "text-embedding-3-small").put("input", input));
  }

  private static double norm(JsonArray vector) {
    double sum = 0;
    for (int i = 0; i < vector.size(); i++) {
      double v = vector.getDouble(i);
      sum += v * v;
    }
    return Math.sqrt(sum);
  }
}
