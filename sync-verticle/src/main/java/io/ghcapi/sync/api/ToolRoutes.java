package io.ghcapi.sync.api;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.sync.tools.SoftwareVersions;
import io.ghcapi.sync.tools.ToolInstaller;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code /api/config-manager/software-versions} and {@code /api/config-manager/install-tools}. Processes run on
 * a worker pool of their own, never on an event loop. One install at a time; its progress is streamed as
 * server-sent events; a browser that leaves does not stop it (an npm install cut half way is worse), and
 * {@code GET install-tools} tells how the last one went.
 */
final class ToolRoutes {

  private static final Logger LOG = Logger.getLogger(ToolRoutes.class.getName());

  private final Vertx vertx;
  private final Context context;
  private final WorkerExecutor processes;
  private final SoftwareVersions versions;
  private final Supplier<ToolInstaller> installers;
  private final Map<String, String> packages;
  private Future<JsonObject> versionsInFlight;
  private JsonObject running;
  private JsonObject lastRun;

  ToolRoutes(Vertx vertx, Context context, WorkerExecutor processes, SoftwareVersions versions,
      Supplier<ToolInstaller> installers, Map<String, String> packages) {
    this.vertx = vertx;
    this.context = context;
    this.processes = processes;
    this.versions = versions;
    this.installers = installers;
    this.packages = packages;
  }

  /** Probes every tool in parallel; calls arriving while a probe runs share its answer. */
  Future<JsonObject> versions() {
    if (versionsInFlight == null) {
      List<Future<JsonObject>> probes = new ArrayList<>();
      for (SoftwareVersions.Tool tool : SoftwareVersions.TOOLS) {
        probes.add(processes.executeBlocking(() -> versions.probe(tool), false));
      }
      versionsInFlight = Future.all(probes).map(all -> SoftwareVersions.collect(all.list()))
          .onComplete(done -> versionsInFlight = null);
    }
    return versionsInFlight.map(AdminCall::ok);
  }

  Future<JsonObject> installInfo() {
    JsonArray list = new JsonArray();
    packages.forEach((id, spec) -> list.add(new JsonObject().put("id", id).put("package", spec)));
    return Future.succeededFuture(AdminCall.ok(new JsonObject().put("packages", list)
        .put("running", running).put("last_run", lastRun)));
  }

  /** Starts an install; streams its events when the caller can receive them, else answers when it ends. */
  void install(AdminCall call, Message<JsonObject> message) {
    List<String> ids = idsOf(call.bodyObject().getValue("tools"));
    if (running != null) {
      throw new ApiFailure(BusErrorCode.CONFLICT, "An installation is already running (started at "
          + running.getString("started_at") + "). Wait for it to end.");
    }
    running = new JsonObject().put("tools", new JsonArray(new ArrayList<Object>(ids)))
        .put("started_at", Instant.now().toString());
    String streamTo = call.streamTo();
    boolean[] listening = {streamTo != null};
    MessageConsumer<Object> closed = streamTo == null ? null
        : vertx.eventBus().localConsumer(streamTo + ".closed", gone -> listening[0] = false);
    if (streamTo != null) {
      message.reply(AdminCall.streaming());
    }
    ToolInstaller.Events events = (name, data) -> context.runOnContext(v -> {
      if (listening[0]) {
        vertx.eventBus().send(streamTo, AdminCall.event(name, data));
      }
    });
    // The installer looks npm up on disk: that, too, happens on the worker.
    processes.<JsonObject>executeBlocking(() -> installers.get().install(ids, events), false).onComplete(done -> {
      JsonObject result = done.succeeded() ? done.result() : new JsonObject().put("ok", false)
          .put("error", "the installation failed: " + done.cause().getMessage());
      lastRun = running.copy().put("finished_at", Instant.now().toString()).put("result", result);
      running = null;
      if (done.failed()) {
        LOG.warning(() -> "install failed: " + done.cause());
      }
      if (streamTo == null) {
        message.reply(AdminCall.reply(result.getBoolean("ok", false) ? 200 : 500, result));
        return;
      }
      if (done.failed() && listening[0]) {
        vertx.eventBus().send(streamTo, AdminCall.event("done", result));
      }
      if (listening[0]) {
        vertx.eventBus().send(streamTo, AdminCall.end());
      }
      closed.unregister();
    });
  }

  private List<String> idsOf(Object value) {
    if (value == null) {
      return new ArrayList<>(packages.keySet());
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw new ApiFailure(BusErrorCode.BAD_REQUEST, "'tools' must be a non-empty list of " + packages.keySet());
    }
    List<String> ids = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String id) || !packages.containsKey(id)) {
        throw new ApiFailure(BusErrorCode.BAD_REQUEST, "unknown tool " + item + ": choose from " + packages.keySet());
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
