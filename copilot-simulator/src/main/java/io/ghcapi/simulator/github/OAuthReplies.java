package io.ghcapi.simulator.github;

import io.ghcapi.simulator.http.ConnectionReset;
import io.ghcapi.simulator.http.Exchange;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** GitHub's OAuth endpoints answer JSON only when asked to, and form-encoded fields otherwise. */
final class OAuthReplies {

  private OAuthReplies() {
  }

  static void send(RoutingContext ctx, JsonObject fields) {
    if (Exchange.armedReset(ctx) >= 0) {
      ConnectionReset.drop(ctx);
      return;
    }
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains("json")) {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(fields.toBuffer());
      return;
    }
    StringJoiner form = new StringJoiner("&");
    for (Map.Entry<String, Object> field : fields) {
      form.add(encode(field.getKey()) + "=" + encode(String.valueOf(field.getValue())));
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded").end(form.toString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
