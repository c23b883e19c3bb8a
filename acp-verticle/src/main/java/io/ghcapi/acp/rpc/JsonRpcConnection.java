package io.ghcapi.acp.rpc;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JSON-RPC 2.0 over lines, both ways: our requests to the agent (with ids we number from 0 and a deadline or
 * none), the agent's requests to us (answered with the id as the agent typed it), and notifications. Lines
 * that are not JSON-RPC are logged and skipped. Used on one Vert.x context only; not thread-safe.
 */
public final class JsonRpcConnection {

  private static final Logger LOG = Logger.getLogger(JsonRpcConnection.class.getName());

  /** Answers a request of the agent's; a failed future with {@link RpcException} becomes that error. */
  public interface RequestHandler {
    Future<JsonObject> handle(Object id, String method, JsonObject params);
  }

  /** Takes a notification of the agent's. */
  public interface NotificationHandler {
    void handle(String method, JsonObject params);
  }

  private record Pending(String method, Promise<JsonObject> promise, long timer) {
  }

  private final Vertx vertx;
  private final LineChannel channel;
  private final String peerName;
  private final int maxPending;
  private final int maxIncoming;
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  private RequestHandler requests = (id, method, params) ->
      Future.failedFuture(new RpcException(RpcCodes.METHOD_NOT_FOUND, "Method not found: " + method));
  private NotificationHandler notifications = (method, params) -> {
  };
  private long nextId;
  private int incomingInFlight;
  private long skippedLines;
  private String closedReason;

  /**
   * @param peerName how the peer is called in messages ("the agent")
   * @param maxPending bound of our requests waiting for an answer
   * @param maxIncoming bound of the peer's requests being answered at once
   */
  public JsonRpcConnection(Vertx vertx, LineChannel channel, String peerName, int maxPending, int maxIncoming) {
    this.vertx = vertx;
    this.channel = channel;
    this.peerName = peerName;
    this.maxPending = maxPending;
    this.maxIncoming = maxIncoming;
  }

  public JsonRpcConnection onRequest(RequestHandler handler) {
    this.requests = handler;
    return this;
  }

  public JsonRpcConnection onNotification(NotificationHandler handler) {
    this.notifications = handler;
    return this;
  }

  /**
   * Sends a request.
   *
   * @param timeoutMillis how long to wait for the answer; 0 waits until the connection closes
   * @return the result object ({@code null} results become an empty object); fails with {@link RpcException}
   *     for an error answer, {@link RequestTimeoutException}, or {@link ConnectionClosedException}
   */
  public Future<JsonObject> request(String method, JsonObject params, long timeoutMillis) {
    if (closedReason != null) {
      return Future.failedFuture(new ConnectionClosedException(closedReason));
    }
    if (pending.size() >= maxPending) {
      return Future.failedFuture(new RpcException(RpcCodes.INTERNAL_ERROR,
          "Too many requests are waiting for " + peerName + " (" + maxPending + ")"));
    }
    long id = nextId++;
    JsonObject message = new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method)
        .put("params", params == null ? new JsonObject() : params);
    if (!channel.send(message.encode())) {
      return Future.failedFuture(new ConnectionClosedException("Could not write to " + peerName));
    }
    Promise<JsonObject> promise = Promise.promise();
    long timer = timeoutMillis <= 0 ? -1 : vertx.setTimer(timeoutMillis, t -> {
      Pending expired = pending.remove(id);
      if (expired != null) {
        expired.promise.tryFail(new RequestTimeoutException(
            peerName + " did not answer " + method + " within " + timeoutMillis / 1000.0 + " s"));
      }
    });
    pending.put(id, new Pending(method, promise, timer));
    return promise.future();
  }

  /** Sends a notification (no answer expected); false when it could not be written. */
  public boolean notify(String method, JsonObject params) {
    if (closedReason != null) {
      return false;
    }
    JsonObject message = new JsonObject().put("jsonrpc", "2.0").put("method", method)
        .put("params", params == null ? new JsonObject() : params);
    return channel.send(message.encode());
  }

  /** Takes one line the peer wrote. */
  public void receive(String line) {
    JsonObject message;
    if (!line.stripLeading().startsWith("{")) {
      skip("not a JSON object", line);
      return;
    }
    try {
      message = new JsonObject(line);
    } catch (DecodeException | ClassCastException e) {
      skip("not a JSON object", line);
      return;
    }
    Object method = message.getValue("method");
    boolean hasId = message.containsKey("id");
    if (method instanceof String name) {
      JsonObject params = message.getValue("params") instanceof JsonObject object ? object : new JsonObject();
      if (hasId) {
        answer(message.getValue("id"), name, params);
      } else {
        deliver(name, params);
      }
    } else if (hasId && (message.containsKey("result") || message.containsKey("error"))) {
      settle(message);
    } else {
      skip("neither a request, a response nor a notification", line);
    }
  }

  /** Fails every request still waiting; later requests fail at once. Idempotent. */
  public void close(String reason) {
    if (closedReason != null) {
      return;
    }
    closedReason = reason;
    List<Pending> waiting = new ArrayList<>(pending.values());
    pending.clear();
    for (Pending p : waiting) {
      if (p.timer >= 0) {
        vertx.cancelTimer(p.timer);
      }
      p.promise.tryFail(new ConnectionClosedException(reason));
    }
  }

  public boolean isClosed() {
    return closedReason != null;
  }

  /** Lines skipped because they were not JSON-RPC. */
  public long skippedLines() {
    return skippedLines;
  }

  private void deliver(String method, JsonObject params) {
    try {
      notifications.handle(method, params);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "acp: handling the notification " + method + " from " + peerName + " failed", e);
    }
  }

  private void answer(Object id, String method, JsonObject params) {
    if (incomingInFlight >= maxIncoming) {
      respondError(id, new RpcException(RpcCodes.INTERNAL_ERROR,
          "Too many requests in progress (" + maxIncoming + "); try again"));
      return;
    }
    incomingInFlight++;
    Future<JsonObject> result;
    try {
      result = requests.handle(id, method, params);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      incomingInFlight--;
      if (done.succeeded()) {
        respond(id, done.result() == null ? new JsonObject() : done.result());
      } else if (done.cause() instanceof RpcException error) {
        respondError(id, error);
      } else {
        LOG.log(Level.WARNING, "acp: answering " + method + " failed", done.cause());
        respondError(id, new RpcException(RpcCodes.INTERNAL_ERROR, String.valueOf(done.cause().getMessage())));
      }
    });
  }

  private void respond(Object id, JsonObject result) {
    if (closedReason == null) {
      channel.send(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result).encode());
    }
  }

  private void respondError(Object id, RpcException error) {
    if (closedReason != null) {
      return;
    }
    JsonObject body = new JsonObject().put("code", error.code()).put("message", String.valueOf(error.getMessage()));
    if (error.data() != null) {
      body.put("data", error.data());
    }
    channel.send(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("error", body).encode());
  }

  private void settle(JsonObject message) {
    Object id = message.getValue("id");
    Pending waiting = id instanceof Number number ? pending.remove(number.longValue()) : null;
    if (waiting == null) {
      LOG.fine(() -> "acp: " + peerName + " answered an unknown request id " + id);
      return;
    }
    if (waiting.timer >= 0) {
      vertx.cancelTimer(waiting.timer);
    }
    if (message.getValue("error") instanceof JsonObject error) {
      Object code = error.getValue("code");
      waiting.promise.tryFail(new RpcException(code instanceof Number n ? n.intValue() : RpcCodes.INTERNAL_ERROR,
          error.getValue("message") instanceof String text ? text : waiting.method + " failed", error.getValue("data")));
    } else if (message.getValue("error") != null) {
      waiting.promise.tryFail(new RpcException(RpcCodes.INTERNAL_ERROR, String.valueOf(message.getValue("error"))));
    } else {
      Object result = message.getValue("result");
      waiting.promise.tryComplete(result instanceof JsonObject object ? object : new JsonObject());
    }
  }

  private void skip(String why, String line) {
    skippedLines++;
    LOG.warning(() -> "acp: skipped a line from " + peerName + " (" + why + "): "
        + (line.length() > 200 ? line.substring(0, 200) + "…" : line));
  }
}
