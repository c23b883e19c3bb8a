package io.ghcapi.sync.api;

import io.ghcapi.sync.files.ConfigSync;
import io.ghcapi.sync.onedrive.OneDriveLayout;
import io.ghcapi.sync.onedrive.SyncSite;
import io.ghcapi.sync.tools.SoftwareVersions;
import io.ghcapi.sync.tools.ToolInstaller;
import io.ghcapi.sync.usage.UsageRecorder;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the routes work with, set up by the verticle.
 *
 * @param context the verticle's context (events of an install are sent from it, in order)
 * @param processes the worker pool that runs child processes
 * @param site where syncing happens now
 * @param syncs a config sync for a OneDrive layout
 * @param installers a fresh installer per install (npm is looked up each time)
 * @param packages the installable packages by id
 */
public record SyncApiParts(Vertx vertx, Context context, WorkerExecutor processes, Supplier<SyncSite> site,
    Function<OneDriveLayout, ConfigSync> syncs, SoftwareVersions versions, Supplier<ToolInstaller> installers,
    Map<String, String> packages, UsageRecorder recorder, Clock clock) {
}
