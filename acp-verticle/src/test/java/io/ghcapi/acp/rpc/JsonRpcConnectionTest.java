package io.ghcapi.acp.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.acp.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON-RPC both ways over lines: correlation, errors, deadlines, the agent's requests and notifications. */
class JsonRpcConnectionTest {

  private Vertx vertx;
  private Context context;
  private final List<JsonObject> written = new CopyOnWriteArrayList<>();
  private final List<String> notifications = new CopyOnWriteArrayList<>();
  private JsonRpcConnection rpc;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    rpc = on(() -> new JsonRpcConnection(vertx, line -> written.add(new JsonObject(line)), "the agent", 4, 2)
        .onNotification((method, params) -> notifications.add(method + " " + params.encode()))
        .onRequest((id, method, params) -> switch (method) {
          case "echo" -> Future.succeededFuture(params);
          case "refuse" -> Future.failedFuture(new RpcException(-32002, "Resource not found", "x"));
          case "explode" -> throw new IllegalStateException("kaboom");
          case "wait" -> Promise.<JsonObject>promise().future();
          default -> Future.failedFuture(new RpcException(RpcCodes.METHOD_NOT_FOUND, "Method not found: " + method));
        }));
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private <T> T on(Supplier<T> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        done.complete(action.get());
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    return Await.result(done.future());
  }

  private void receive(String line) {
    on(() -> {
      rpc.receive(line);
      return null;
    });
  }

  @Test
  void answersAreMatchedToTheirRequestsInAnyOrder() {
    Future<JsonObject> first = on(() -> rpc.request("initialize", new JsonObject().put("a", 1), 5000));
    Future<JsonObject> second = on(() -> rpc.request("session/new", new JsonObject(), 5000));
    assertEquals(0L, written.get(0).getLong("id"));
    assertEquals("initialize", written.get(0).getString("method"));
    assertEquals("2.0", written.get(0).getString("jsonrpc"));
    assertEquals(1L, written.get(1).getLong("id"));
    receive("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"sessionId\":\"s1\"}}");
    receive("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":null}");
    assertEquals("s1", Await.result(second).getString("sessionId"));
    assertEquals(new JsonObject(), Await.result(first), "a null result is an empty object");
  }

  @Test
  void anErrorAnswerCarriesItsCodeMessageAndData() {
    Future<JsonObject> call = on(() -> rpc.request("session/prompt", new JsonObject(), 0));
    receive("{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32603,\"message\":\"boom\",\"data\":{\"detail\":\"x\"}}}");
    RpcException error = assertInstanceOf(RpcException.class, failure(call));
    assertEquals(-32603, error.code());
    assertEquals("boom", error.getMessage());
    assertEquals("x", ((JsonObject) error.data()).getString("detail"));
  }

  @Test
  void aRequestWithADeadlineFailsWhenItPasses() {
    Future<JsonObject> call = on(() -> rpc.request("initialize", new JsonObject(), 50));
    RequestTimeoutException timeout = assertInstanceOf(RequestTimeoutException.class, failure(call));
    assertTrue(timeout.getMessage().contains("did not answer initialize within 0.05 s"), timeout.getMessage());
  }

  @Test
  void closingFailsWhatWaitsAndWhatComesAfter() {
    Future<JsonObject> waiting = on(() -> rpc.request("session/prompt", new JsonObject(), 0));
    on(() -> {
      rpc.close("The agent process exited (code 1)");
      return null;
    });
    assertEquals("The agent process exited (code 1)",
        assertInstanceOf(ConnectionClosedException.class, failure(waiting)).getMessage());
    assertInstanceOf(ConnectionClosedException.class, failure(on(() -> rpc.request("x", null, 0))));
    assertTrue(!on(() -> rpc.notify("session/cancel", new JsonObject())));
  }

  @Test
  void theAgentsRequestsAreAnsweredWithTheirOwnIdType() {
    receive("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"echo\",\"params\":{\"v\":1}}");
    receive("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"refuse\",\"params\":{}}");
    receive("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"explode\"}");
    receive("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"no/such\"}");
    assertEquals("abc", written.get(0).getValue("id"));
    assertEquals(1, written.get(0).getJsonObject("result").getInteger("v"));
    assertEquals(7, written.get(1).getValue("id"));
    assertEquals(-32002, written.get(1).getJsonObject("error").getInteger("code"));
    assertEquals("x", written.get(1).getJsonObject("error").getString("data"));
    assertEquals(-32603, written.get(2).getJsonObject("error").getInteger("code"));
    assertEquals("kaboom", written.get(2).getJsonObject("error").getString("message"));
    assertEquals(-32601, written.get(3).getJsonObject("error").getInteger("code"));
  }

  @Test
  void tooManyOfTheAgentsRequestsAtOnceAreRefused() {
    receive("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"wait\"}");
    receive("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"wait\"}");
    receive("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"wait\"}");
    assertEquals(1, written.size());
    assertEquals(3, written.get(0).getValue("id"));
    assertTrue(written.get(0).getJsonObject("error").getString("message").contains("Too many requests"));
  }

  @Test
  void notificationsAreDeliveredAndLinesThatAreNotJsonRpcAreSkipped() {
    receive("{\"jsonrpc\":\"2.0\",\"method\":\"session/update\",\"params\":{\"sessionId\":\"s1\"}}");
    receive("not json");
    receive("[1,2]");
    receive("null");
    receive("{\"jsonrpc\":\"2.0\"}");
    receive("{\"jsonrpc\":\"2.0\",\"id\":42,\"result\":{}}");
    assertEquals(List.of("session/update {\"sessionId\":\"s1\"}"), notifications);
    assertEquals(4L, (long) on(() -> rpc.skippedLines()));
    assertTrue(written.isEmpty());
  }

  @Test
  void theNumberOfWaitingRequestsIsBounded() {
    for (int i = 0; i < 4; i++) {
      on(() -> rpc.request("x", null, 0));
    }
    assertInstanceOf(RpcException.class, failure(on(() -> rpc.request("x", null, 0))));
  }

  private static Throwable failure(Future<?> future) {
    try {
      Await.result(future);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
