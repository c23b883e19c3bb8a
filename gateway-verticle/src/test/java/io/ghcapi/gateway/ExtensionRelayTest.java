package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admin routes owned by other verticles reach them over the bus, behind the same access checks. */
@ExtendWith(VertxExtension.class)
class ExtensionRelayTest {

  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aReplyBecomesJsonWithItsStatusAndTheCallCarriesMethodPathQueryAndBody(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    CompletableFuture<AdminCall> seen = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.ACP_API, message -> {
      AdminCall call = AdminCall.fromJson(message.body());
      seen.complete(call);
      message.reply(AdminCall.reply(201, new JsonObject().put("id", "s1")));
    });

    HttpResponse<Buffer> response = Await.result(fixture.web().post("/api/agent/sessions?agent=fake")
        .sendJsonObject(new JsonObject().put("cwd", "/tmp")));

    assertEquals(201, response.statusCode());
    assertEquals("s1", response.bodyAsJsonObject().getString("id"));
    AdminCall call = seen.join();
    assertEquals("POST", call.method());
    assertEquals("/api/agent/sessions", call.path());
    assertEquals("fake", call.param("agent", null));
    assertEquals("/tmp", call.bodyObject().getString("cwd"));
  }

  @Test
  void aFailureKeepsItsStatusAndANotRunningServiceIs503(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    assertEquals(503, fixture.get("/api/config-manager/sync/status").statusCode());
    assertTrue(fixture.get("/api/config-manager/sync/status").bodyAsJsonObject().getJsonObject("error")
        .getString("message").contains("sync and tools service"));

    vertx.eventBus().<JsonObject>consumer(Addresses.SYNC_API,
        message -> message.fail(BusErrorCode.CONFLICT.code(), "Both sides changed settings.json"));
    HttpResponse<Buffer> conflict = Await.result(fixture.web().post("/api/config-manager/sync/push")
        .sendJsonObject(new JsonObject()));
    assertEquals(409, conflict.statusCode());
    assertEquals("Both sides changed settings.json",
        conflict.bodyAsJsonObject().getJsonObject("error").getString("message"));
  }

  @Test
  void aStreamingReplyIsRelayedAsServerSentEventsAndTheOwnerLearnsWhenTheClientLeaves(Vertx vertx) throws Exception {
    fixture = GatewayFixture.with(vertx).start();
    var finite = vertx.eventBus().<JsonObject>consumer(Addresses.ACP_API, message -> {
      String to = AdminCall.fromJson(message.body()).streamTo();
      message.reply(AdminCall.streaming());
      vertx.eventBus().send(to, AdminCall.event("chunk", new JsonObject().put("text", "hel")));
      vertx.eventBus().send(to, AdminCall.event("chunk", new JsonObject().put("text", "lo")));
      vertx.eventBus().send(to, AdminCall.end());
    });

    HttpResponse<Buffer> response = Await.result(fixture.web().post("/api/agent/sessions/s1/prompt")
        .sendJsonObject(new JsonObject().put("text", "hi")));

    assertEquals(200, response.statusCode());
    assertTrue(response.getHeader("content-type").startsWith("text/event-stream"));
    String body = response.bodyAsString();
    assertTrue(body.contains("event: chunk\ndata: {\"text\":\"hel\"}\n\n"), body);
    assertTrue(body.indexOf("\"hel\"") < body.indexOf("\"lo\""), "order kept");

    Await.result(finite.unregister());
    CompletableFuture<Void> closed = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.ACP_API, message -> {
      String to = AdminCall.fromJson(message.body()).streamTo();
      vertx.eventBus().consumer(to + ".closed", gone -> closed.complete(null));
      message.reply(AdminCall.streaming());
      vertx.eventBus().send(to, AdminCall.event("chunk", new JsonObject().put("text", "never ends")));
    });
    var client = vertx.createHttpClient();
    var request = Await.result(client.request(io.vertx.core.http.HttpMethod.GET, java.net.URI.create(fixture.baseUrl()).getPort(), "127.0.0.1",
        "/api/agent/sessions/s2/events"));
    var streamed = Await.result(request.send());
    assertEquals(200, streamed.statusCode());
    Await.result(request.connection().close());
    closed.get(5, TimeUnit.SECONDS);
  }

  @Test
  void withAnAdminTokenTheRelayedRoutesNeedIt(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("admin_token", "adm-secret-0123456789").start();
    vertx.eventBus().<JsonObject>consumer(Addresses.ACP_API, message -> message.reply(AdminCall.ok(new JsonObject())));
    assertEquals(401, fixture.get("/api/agent/sessions").statusCode());
    assertEquals(200, Await.result(fixture.web().get("/api/agent/sessions")
        .putHeader("Authorization", "Bearer adm-secret-0123456789").send()).statusCode());
    HttpResponse<Buffer> crossSite = Await.result(fixture.web().post("/api/agent/sessions")
        .putHeader("Authorization", "Bearer adm-secret-0123456789").putHeader("Origin", "https://evil.example").send());
    assertEquals(403, crossSite.statusCode());
  }
}
