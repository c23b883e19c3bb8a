package io.ghcapi.simulator.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads a request body that must be a JSON object. */
public final class JsonBodies {

  private JsonBodies() {
  }

  /** The body as a JSON object, or {@code null} after answering 400. */
  public static JsonObject objectOrReply(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      Replies.error(ctx, ApiError.invalidJson("the body is empty"));
      return null;
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      Replies.error(ctx, ApiError.invalidJson(firstLine(e.getMessage())));
      return null;
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    Replies.error(ctx, ApiError.invalidJson("the body must be a JSON object"));
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
