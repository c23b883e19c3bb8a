package io.ghcapi.sync.api;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.bus.UsageRange;
import io.ghcapi.sync.onedrive.SyncSite;
import io.ghcapi.sync.usage.MachineUsageMerge;
import io.ghcapi.sync.usage.UsageRecorder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/config-manager/machine-usage?range=hour|day|week|month|all&user=}: every machine's usage files in
 * OneDrive merged (this machine's brought up to date first).
 */
final class UsageRoutes {

  private static final Set<String> EVERY_USER = Set.of("", "all", "any", "*");

  private final Vertx vertx;
  private final Supplier<SyncSite> site;
  private final UsageRecorder recorder;
  private final Clock clock;

  UsageRoutes(Vertx vertx, Supplier<SyncSite> site, UsageRecorder recorder, Clock clock) {
    this.vertx = vertx;
    this.site = site;
    this.recorder = recorder;
    this.clock = clock;
  }

  Future<JsonObject> merged(AdminCall call) {
    UsageRange range;
    try {
      range = UsageRange.parse(call.param("range", null), UsageRange.DAY);
    } catch (IllegalArgumentException e) {
      throw new ApiFailure(BusErrorCode.BAD_REQUEST, e.getMessage());
    }
    String userParam = call.param("user", "").trim();
    String user = EVERY_USER.contains(userParam.toLowerCase()) ? null : userParam;
    SyncSite now = site.get();
    if (!now.ready()) {
      JsonObject empty = MachineUsageMerge.empty().toJson(range, user, clock.instant().getEpochSecond());
      return Future.succeededFuture(AdminCall.ok(now.describe().mergeIn(empty).put("machines", new JsonArray())));
    }
    return recorder.flush().otherwiseEmpty().compose(v -> vertx.executeBlocking(() ->
        MachineUsageMerge.read(now.layout().agentsRoot()).toJson(range, user, clock.instant().getEpochSecond()), true))
        .map(merged -> AdminCall.ok(now.describe().mergeIn(merged)));
  }
}
