package io.ghcapi.simulator.embeddings;

import io.vertx.core.json.JsonArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.SplittableRandom;

/** Deterministic unit-length vectors: the same input always maps to the same vector. */
final class EmbeddingVectors {

  private EmbeddingVectors() {
  }

  static float[] of(Object input, int dimensions) {
    SplittableRandom random = new SplittableRandom(fingerprint(input));
    float[] vector = new float[dimensions];
    double sumOfSquares = 0;
    for (int i = 0; i < dimensions; i++) {
      double component = random.nextDouble() * 2 - 1;
      vector[i] = (float) component;
      sumOfSquares += component * component;
    }
    double norm = Math.sqrt(sumOfSquares);
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) (vector[i] / norm);
    }
    return vector;
  }

  static JsonArray asJson(float[] vector) {
    JsonArray array = new JsonArray();
    for (float component : vector) {
      array.add(component);
    }
    return array;
  }

  /** The {@code encoding_format: "base64"} form: little-endian float32 values. */
  static String asBase64(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float component : vector) {
      bytes.putFloat(component);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /** 64-bit FNV-1a over the input's text (or token ids). */
  private static long fingerprint(Object input) {
    String text = input instanceof String s ? s : input.toString();
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
