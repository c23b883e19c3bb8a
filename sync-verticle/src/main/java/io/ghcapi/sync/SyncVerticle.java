package io.ghcapi.sync;

import io.ghcapi.bus.Addresses;
import io.ghcapi.sync.api.SyncApi;
import io.ghcapi.sync.api.SyncApiParts;
import io.ghcapi.sync.files.Backups;
import io.ghcapi.sync.files.ConfigSync;
import io.ghcapi.sync.files.LocalFiles;
import io.ghcapi.sync.files.SyncedFile;
import io.ghcapi.sync.onedrive.HostFacts;
import io.ghcapi.sync.onedrive.MachineName;
import io.ghcapi.sync.onedrive.OneDriveLocator;
import io.ghcapi.sync.onedrive.SyncSite;
import io.ghcapi.sync.onedrive.WindowsHomeProbe;
import io.ghcapi.sync.tools.ExecutableFinder;
import io.ghcapi.sync.tools.InstallLog;
import io.ghcapi.sync.tools.NpmLocator;
import io.ghcapi.sync.tools.ProcessRunner;
import io.ghcapi.sync.tools.SoftwareVersions;
import io.ghcapi.sync.tools.ToolInstaller;
import io.ghcapi.sync.usage.UsageRecorder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Config sync through OneDrive, this machine's token usage in OneDrive, tool versions and installs
 * ({@code ghc.sync.api}, relayed by the gateway). Syncing is off unless {@code onedrive_access} is true;
 * versions and installs work either way. Deploy one instance per node. See {@code docs/sync.md}.
 */
public final class SyncVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(SyncVerticle.class.getName());
  private static final int PROCESS_THREADS = 4;
  private static final long STOP_FLUSH_MILLIS = 5000;

  private final Clock clock;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private SyncConfig settings;
  private HostFacts host;
  private volatile SyncSite site;
  private WorkerExecutor processes;
  private UsageRecorder recorder;
  private long usageTimer = -1;

  public SyncVerticle() {
    this(Clock.systemUTC());
  }

  /** @param clock the clock of backups, records and usage hours (tests move it) */
  public SyncVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    try {
      settings = SyncConfig.from(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    processes = vertx.createSharedWorkerExecutor("ghc-sync-processes", PROCESS_THREADS, 3, TimeUnit.HOURS);
    return vertx.executeBlocking(() -> {
      host = HostFacts.current(settings.env());
      return detect(settings.onedriveAccess(), settings.onedrivePath());
    }, true).compose(detected -> {
      site = detected;
      recorder = new UsageRecorder(vertx, () -> site, settings.nodeId(), clock);
      return register();
    }).onSuccess(v -> {
      usageTimer = vertx.setPeriodic(settings.usageFlushMillis(), id -> recorder.flush());
      vertx.executeBlocking(this::startupReport, true)
          .onFailure(e -> LOG.warning(() -> "config sync: could not read the sync status at start: " + e.getMessage()));
    });
  }

  private Future<Void> register() {
    SyncApi api = SyncApi.create(new SyncApiParts(vertx, context, processes, () -> site, this::configSync,
        new SoftwareVersions(finder(), new ProcessRunner(childEnvironment(), 4000), settings.versionTimeoutMillis()),
        this::installer, settings.installPackages(), recorder, clock));
    MessageConsumer<JsonObject> calls = vertx.eventBus().localConsumer(Addresses.SYNC_API, api);
    MessageConsumer<JsonObject> changes = vertx.eventBus().consumer(Addresses.CONFIG_CHANGED,
        message -> applyConfigChange(message.body()));
    consumers.add(calls);
    consumers.add(changes);
    return Future.all(calls.completion(), changes.completion()).mapEmpty();
  }

  /** Blocking: reads folders and, under WSL, may ask Windows for the profile folder. */
  private SyncSite detect(boolean enabled, String override) {
    String machine = MachineName.of(settings.machineName(), host);
    if (!enabled) {
      return SyncSite.disabled(machine);
    }
    WindowsHomeProbe probe = new WindowsHomeProbe(finder(), new ProcessRunner(childEnvironment(), 4000),
        settings.wslMountRoot().resolve("c"));
    OneDriveLocator locator = new OneDriveLocator(host, settings.home(), settings.wslMountRoot(), probe);
    return SyncSite.detect(machine, override, locator);
  }

  private ConfigSync configSync(io.ghcapi.sync.onedrive.OneDriveLayout layout) {
    return new ConfigSync(layout, localFiles(), new Backups(clock, settings.backupsKept()), clock);
  }

  private ToolInstaller installer() {
    NpmLocator npm = new NpmLocator(finder(), host.wsl(), host.windows(), settings.wslMountRoot(), settings.env());
    return new ToolInstaller(settings.installPackages(), npm.locate(settings.npmCommand()),
        new ProcessRunner(childEnvironment(), 4000), settings.installTimeoutMillis(),
        new Backups(clock, settings.backupsKept()),
        List.of(localFiles().path(SyncedFile.CLAUDE), localFiles().path(SyncedFile.CODEX)),
        new InstallLog(settings.configDir(), clock));
  }

  private LocalFiles localFiles() {
    return new LocalFiles(settings.home(), settings.configFile());
  }

  private ExecutableFinder finder() {
    return ExecutableFinder.forThisOs(settings.toolsPath(), settings.env());
  }

  /** This process's environment with {@code PATH} set to the configured tools path. */
  private Map<String, String> childEnvironment() {
    Map<String, String> env = new HashMap<>(settings.env());
    env.keySet().removeIf(name -> name.equalsIgnoreCase("PATH"));
    env.put("PATH", settings.toolsPath());
    return env;
  }

  /** {@code onedrive_access} and {@code onedrive_path} may change at run time: detect again. */
  private void applyConfigChange(JsonObject event) {
    JsonObject changes = event == null ? null : event.getJsonObject("changes");
    if (changes == null || !(changes.containsKey("onedrive_access") || changes.containsKey("onedrive_path"))) {
      return;
    }
    boolean enabled = changes.getValue("onedrive_access") instanceof Boolean flag ? flag : site.enabled();
    String override = changes.getValue("onedrive_path") instanceof String path ? path : settings.onedrivePath();
    vertx.executeBlocking(() -> detect(enabled, override), true).onSuccess(detected -> {
      site = detected;
      LOG.info(() -> "config sync: " + (detected.ready() ? "using " + detected.layout().oneDrive()
          : String.valueOf(detected.unavailableReason())));
    });
  }

  /** As the seed printed at start: off, not found, or which files differ; refreshes the hash files. */
  private Void startupReport() throws java.io.IOException {
    SyncSite now = site;
    if (!now.ready()) {
      LOG.info(() -> "config sync: " + now.unavailableReason());
      return null;
    }
    JsonObject status = configSync(now.layout()).status();
    List<String> differing = new ArrayList<>();
    status.getJsonObject("files").forEach(entry -> {
      JsonObject file = (JsonObject) entry.getValue();
      if (file.getBoolean("different")) {
        differing.add(entry.getKey() + " (" + file.getString("state") + ")");
      }
    });
    LOG.info(() -> "config sync: OneDrive at " + now.layout().oneDrive() + ", machine " + now.machine() + ": "
        + (!status.getBoolean("has_sync_files") ? "no synced config files yet"
        : differing.isEmpty() ? "local configs match OneDrive" : "differs: " + String.join(", ", differing)));
    return null;
  }

  /** Writes this machine's usage a last time, then stops listening. */
  @Override
  public Future<?> stop() {
    if (usageTimer >= 0) {
      vertx.cancelTimer(usageTimer);
    }
    Future<?> lastFlush = recorder == null ? Future.succeededFuture()
        : recorder.finalFlush().timeout(STOP_FLUSH_MILLIS, TimeUnit.MILLISECONDS).otherwiseEmpty();
    return lastFlush.eventually(() -> {
      List<Future<Void>> unregistered = new ArrayList<>();
      consumers.forEach(consumer -> unregistered.add(consumer.unregister()));
      return Future.join(unregistered);
    }).eventually(() -> processes == null ? Future.succeededFuture() : processes.close());
  }
}
