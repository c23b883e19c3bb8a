package io.ghcapi.gateway.models;

import io.ghcapi.gateway.upstream.UpstreamCall;
import io.ghcapi.gateway.upstream.UpstreamCancellation;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.ghcapi.gateway.upstream.UpstreamResponse;
import io.ghcapi.gateway.util.Contexts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Copilot's model list, cached for {@code models_refresh_interval}. A stale list is served at once while a
 * refresh runs behind it; only an empty cache makes a request wait, and then for the one fetch in flight.
 */
public final class ModelCatalog {

  private static final Logger LOG = Logger.getLogger(ModelCatalog.class.getName());
  private static final long MAX_LIST_BYTES = 16L << 20;

  /** An immutable snapshot of the list. */
  public record Snapshot(List<CopilotModel> models, Map<String, CopilotModel> byId, long fetchedAtMillis) {
    static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), 0);
  }

  /** The upstream list failed to load; carries Copilot's status (0 when unreachable) and a message. */
  public static final class CatalogUnavailableException extends RuntimeException {
    private final int status;

    CatalogUnavailableException(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Vertx vertx;
  private final UpstreamClient upstream;
  private final long ttlMillis;
  private volatile Snapshot snapshot = Snapshot.EMPTY;
  private Future<Snapshot> inflight;

  public ModelCatalog(Vertx vertx, UpstreamClient upstream, long ttlMillis) {
    this.vertx = vertx;
    this.upstream = upstream;
    this.ttlMillis = ttlMillis;
  }

  /** The list, fetching it first if none was loaded yet; a stale list triggers a background refresh. */
  public Future<Snapshot> snapshot() {
    Snapshot current = snapshot;
    if (current.fetchedAtMillis() == 0) {
      return Contexts.onCallerContext(refresh());
    }
    if (System.currentTimeMillis() - current.fetchedAtMillis() > ttlMillis) {
      refresh().onFailure(e -> LOG.warning("Model list refresh failed: " + e.getMessage()));
    }
    return Future.succeededFuture(current);
  }

  /** The cached list as it is now, possibly empty; never waits. */
  public Snapshot cached() {
    return snapshot;
  }

  public boolean loaded() {
    return snapshot.fetchedAtMillis() != 0;
  }

  public Optional<CopilotModel> find(String id) {
    return Optional.ofNullable(snapshot.byId().get(id));
  }

  /** Fetches the list now (joining a fetch already in flight). */
  public synchronized Future<Snapshot> refresh() {
    if (inflight != null) {
      return inflight;
    }
    Promise<Snapshot> promise = Promise.promise();
    Future<Snapshot> fetch = promise.future();
    inflight = fetch;
    upstream.send(UpstreamCall.get("/models"), new UpstreamCancellation(vertx))
        .compose(this::readList)
        .onComplete(result -> {
          synchronized (this) {
            inflight = null;
            if (result.succeeded()) {
              snapshot = result.result();
            }
          }
          promise.handle(result);
        });
    return fetch;
  }

  private Future<Snapshot> readList(UpstreamResponse response) {
    return response.body(MAX_LIST_BYTES).compose(body -> {
      if (!response.ok()) {
        return Future.failedFuture(new CatalogUnavailableException(response.status(),
            "Copilot model list: HTTP " + response.status() + " " + body));
      }
      JsonArray data;
      try {
        data = new JsonObject(body).getJsonArray("data", new JsonArray());
      } catch (RuntimeException e) {
        return Future.failedFuture(new CatalogUnavailableException(502, "Copilot model list was not JSON"));
      }
      List<CopilotModel> models = new ArrayList<>(data.size());
      Map<String, CopilotModel> byId = new LinkedHashMap<>();
      for (Object item : data) {
        if (item instanceof JsonObject json && json.getString("id") != null) {
          CopilotModel model = new CopilotModel(json);
          models.add(model);
          byId.putIfAbsent(model.id(), model);
        }
      }
      return Future.succeededFuture(new Snapshot(Collections.unmodifiableList(models),
          Collections.unmodifiableMap(byId), System.currentTimeMillis()));
    });
  }
}
