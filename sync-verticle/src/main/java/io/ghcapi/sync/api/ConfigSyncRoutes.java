package io.ghcapi.sync.api;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.sync.files.ConfigSync;
import io.ghcapi.sync.files.SyncOutcome;
import io.ghcapi.sync.files.SyncedFile;
import io.ghcapi.sync.onedrive.OneDriveLayout;
import io.ghcapi.sync.onedrive.SyncSite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/config-manager/sync/*}: status, diff, push, pull, hashes. The file work runs on a worker, one
 * call at a time (ordered), so two pushes never interleave.
 */
final class ConfigSyncRoutes {

  private final Vertx vertx;
  private final Supplier<SyncSite> site;
  private final Function<OneDriveLayout, ConfigSync> syncs;

  ConfigSyncRoutes(Vertx vertx, Supplier<SyncSite> site, Function<OneDriveLayout, ConfigSync> syncs) {
    this.vertx = vertx;
    this.site = site;
    this.syncs = syncs;
  }

  Future<JsonObject> status() {
    SyncSite now = site.get();
    if (!now.ready()) {
      return Future.succeededFuture(AdminCall.ok(now.describe().put("files", new JsonObject())
          .put("has_sync_files", false).put("has_differences", false).put("conflicts", new JsonArray())));
    }
    return work(now, ConfigSync::status).map(status -> AdminCall.ok(now.describe().mergeIn(status)));
  }

  Future<JsonObject> diff(AdminCall call) {
    SyncedFile file = fileParam(call.param("file", null));
    SyncSite now = site.get();
    if (!now.ready()) {
      return Future.succeededFuture(unavailable(now));
    }
    return work(now, sync -> sync.diff(file)).map(AdminCall::ok);
  }

  Future<JsonObject> push(AdminCall call) {
    return copy(call, true);
  }

  Future<JsonObject> pull(AdminCall call) {
    return copy(call, false);
  }

  Future<JsonObject> hashes() {
    SyncSite now = site.get();
    if (!now.ready()) {
      return Future.succeededFuture(AdminCall.ok(now.describe().put("shared_hash", null)
          .put("machines", new JsonArray())));
    }
    return work(now, ConfigSync::hashes).map(hashes -> AdminCall.ok(now.describe().mergeIn(hashes)));
  }

  private Future<JsonObject> copy(AdminCall call, boolean push) {
    JsonObject body = call.bodyObject();
    List<SyncedFile> files = filesOf(body.getValue("files"));
    Object force = body.getValue("force", false);
    if (!(force instanceof Boolean)) {
      throw new ApiFailure(BusErrorCode.BAD_REQUEST, "'force' must be true or false");
    }
    SyncSite now = site.get();
    if (!now.ready()) {
      return Future.succeededFuture(unavailable(now));
    }
    return work(now, sync -> push ? sync.push(files, (Boolean) force) : sync.pull(files, (Boolean) force))
        .map((SyncOutcome outcome) -> AdminCall.reply(outcome.status(), outcome.body()));
  }

  private <T> Future<T> work(SyncSite now, ThrowingFunction<ConfigSync, T> task) {
    ConfigSync sync = syncs.apply(now.layout());
    return vertx.executeBlocking(() -> task.apply(sync), true);
  }

  /** Push and pull are refused, with the reason and how to enable, when syncing is off or has no folder. */
  private static JsonObject unavailable(SyncSite now) {
    String code = now.enabled() ? "onedrive_not_found" : "sync_disabled";
    return AdminCall.reply(400, now.describe().put("ok", false).put("how_to_enable", SyncSite.HOW_TO_ENABLE)
        .put("error", new JsonObject().put("code", code).put("message", now.unavailableReason())));
  }

  static List<SyncedFile> filesOf(Object value) {
    if (value == null) {
      return Arrays.asList(SyncedFile.values());
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw new ApiFailure(BusErrorCode.BAD_REQUEST, "'files' must be a non-empty list of ghc-api, claude, codex");
    }
    List<SyncedFile> files = new ArrayList<>();
    for (Object item : array) {
      SyncedFile file = fileParam(item instanceof String text ? text : String.valueOf(item));
      if (!files.contains(file)) {
        files.add(file);
      }
    }
    files.sort(null);
    return files;
  }

  private static SyncedFile fileParam(String key) {
    if (key == null) {
      throw new ApiFailure(BusErrorCode.BAD_REQUEST, "say which file: file=ghc-api, claude or codex");
    }
    return SyncedFile.byKey(key).orElseThrow(() -> new ApiFailure(BusErrorCode.BAD_REQUEST,
        "unknown file '" + key + "': use ghc-api, claude or codex"));
  }

  /** A function that may throw, for blocking file work. */
  @FunctionalInterface
  interface ThrowingFunction<A, R> {
    R apply(A argument) throws Exception;
  }
}
