package io.ghcapi.acp.session;

import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The agent's {@code session/request_permission} requests of one session: answered at once by the session's
 * auto-approve policy, or shown to the person (a {@code permission} event) until they choose an option, the
 * turn is cancelled (outcome {@code cancelled}), the agent withdraws the request, or nobody answers in time
 * (the reject option). Every outcome is a {@code permission_resolved} event. Used from one Vert.x context.
 */
public final class Permissions {

  private static final Logger LOG = Logger.getLogger(Permissions.class.getName());

  private record Pending(String id, Object rpcId, JsonObject toolCall, JsonArray options,
      Promise<JsonObject> answer, long timer) {
  }

  private final Vertx vertx;
  private final BiConsumer<String, JsonObject> events;
  private final int maxPending;
  private final long timeoutMillis;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private int nextId = 1;

  /**
   * @param events where {@code permission} and {@code permission_resolved} events go
   */
  public Permissions(Vertx vertx, BiConsumer<String, JsonObject> events, int maxPending, long timeoutMillis) {
    this.vertx = vertx;
    this.events = events;
    this.maxPending = maxPending;
    this.timeoutMillis = timeoutMillis;
  }

  /** Handles one request; completes with the ACP result {@code {outcome: {...}}}. */
  public Future<JsonObject> request(Object rpcId, JsonObject params, AutoApprove policy) {
    JsonObject toolCall = params.getValue("toolCall") instanceof JsonObject call ? call : new JsonObject();
    JsonArray options = params.getValue("options") instanceof JsonArray list ? list : new JsonArray();
    String id = "perm-" + nextId++;
    JsonObject shown = new JsonObject().put("request_id", id).put("tool_call", toolCall).put("options", options);
    String allow = firstOption(options, "allow_once", "allow_always");
    if (policy.allows(toolCall) && allow != null) {
      events.accept("permission", shown.put("auto", true));
      events.accept("permission_resolved", resolution(id, allow, "auto"));
      return Future.succeededFuture(selected(allow));
    }
    if (pending.size() >= maxPending) {
      LOG.warning(() -> "acp: too many permission requests are waiting; one was answered cancelled");
      return Future.succeededFuture(cancelled());
    }
    Promise<JsonObject> answer = Promise.promise();
    long timer = vertx.setTimer(timeoutMillis, t -> expire(id));
    pending.put(id, new Pending(id, rpcId, toolCall, options, answer, timer));
    events.accept("permission", shown);
    return answer.future();
  }

  /** The person chose an option. */
  public void choose(String requestId, String optionId) {
    Pending request = pending.get(requestId);
    if (request == null) {
      throw new RefusedException(BusErrorCode.NOT_FOUND,
          "No permission request " + requestId + " is waiting (it was answered, cancelled or timed out)");
    }
    if (optionId == null || firstMatching(request.options, optionId) == null) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "'" + optionId + "' is not one of the options of "
          + requestId);
    }
    settle(request, selected(optionId), resolution(requestId, optionId, "user"));
  }

  /** The person dismissed the request without choosing. */
  public void dismiss(String requestId) {
    Pending request = pending.get(requestId);
    if (request == null) {
      throw new RefusedException(BusErrorCode.NOT_FOUND, "No permission request " + requestId + " is waiting");
    }
    settle(request, cancelled(), cancelledResolution(requestId, "user"));
  }

  /** Answers every waiting request {@code cancelled} (the turn was cancelled or the session ends). */
  public void cancelAll(String by) {
    for (Pending request : new ArrayList<>(pending.values())) {
      settle(request, cancelled(), cancelledResolution(request.id, by));
    }
  }

  /** The agent no longer needs an answer ({@code $/cancel_request}). */
  public void withdraw(Object rpcId) {
    for (Pending request : new ArrayList<>(pending.values())) {
      if (Objects.equals(String.valueOf(request.rpcId), String.valueOf(rpcId))) {
        settle(request, cancelled(), cancelledResolution(request.id, "agent"));
      }
    }
  }

  /** The waiting requests, as shown in the session detail. */
  public JsonArray pendingJson() {
    JsonArray out = new JsonArray();
    pending.values().forEach(p -> out.add(new JsonObject().put("request_id", p.id).put("tool_call", p.toolCall)
        .put("options", p.options)));
    return out;
  }

  public int pendingCount() {
    return pending.size();
  }

  private void expire(String id) {
    Pending request = pending.get(id);
    if (request == null) {
      return;
    }
    String reject = firstOption(request.options, "reject_once", "reject_always");
    if (reject != null) {
      settle(request, selected(reject), resolution(id, reject, "timeout"));
    } else {
      settle(request, cancelled(), cancelledResolution(id, "timeout"));
    }
  }

  private void settle(Pending request, JsonObject answer, JsonObject resolution) {
    pending.remove(request.id);
    vertx.cancelTimer(request.timer);
    events.accept("permission_resolved", resolution);
    request.answer.tryComplete(answer);
  }

  private static String firstOption(JsonArray options, String... kinds) {
    for (String kind : kinds) {
      for (Object item : options) {
        if (item instanceof JsonObject option && kind.equals(option.getString("kind"))
            && option.getValue("optionId") instanceof String id) {
          return id;
        }
      }
    }
    return null;
  }

  private static JsonObject firstMatching(JsonArray options, String optionId) {
    for (Object item : options) {
      if (item instanceof JsonObject option && optionId.equals(option.getValue("optionId"))) {
        return option;
      }
    }
    return null;
  }

  private static JsonObject selected(String optionId) {
    return new JsonObject().put("outcome", new JsonObject().put("outcome", "selected").put("optionId", optionId));
  }

  private static JsonObject cancelled() {
    return new JsonObject().put("outcome", new JsonObject().put("outcome", "cancelled"));
  }

  private static JsonObject resolution(String requestId, String optionId, String by) {
    return new JsonObject().put("request_id", requestId).put("outcome", "selected").put("option_id", optionId)
        .put("by", by);
  }

  private static JsonObject cancelledResolution(String requestId, String by) {
    return new JsonObject().put("request_id", requestId).put("outcome", "cancelled").put("by", by);
  }
}
