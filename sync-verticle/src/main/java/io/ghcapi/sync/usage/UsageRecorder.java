package io.ghcapi.sync.usage;

import io.ghcapi.bus.Addresses;
import io.ghcapi.sync.onedrive.SyncSite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this machine's usage file in OneDrive up to date (periodically and at stop): asks the history's usage
 * ledger on this node, works out the current hour's totals ({@link UsageReconciler}) and appends what
 * changed. Without the history (not deployed) there is nothing to write. One flush at a time; file work on a
 * worker, in order with the other OneDrive work.
 */
public final class UsageRecorder {

  private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());
  static final long LEDGER_TIMEOUT_MILLIS = 10_000;

  private final Vertx vertx;
  private final Supplier<SyncSite> site;
  private final String nodeId;
  private final Clock clock;
  private MachineUsageFile file;
  private Future<Integer> inFlight;
  private boolean toldNoLedger;

  public UsageRecorder(Vertx vertx, Supplier<SyncSite> site, String nodeId, Clock clock) {
    this.vertx = vertx;
    this.site = site;
    this.nodeId = nodeId;
    this.clock = clock;
  }

  /** Brings the file up to date; the number of lines written (0 when off, not found, or nothing changed). */
  public Future<Integer> flush() {
    return flush(false);
  }

  /**
   * The last flush, at stop: the history may be stopping at the same time (a node shutting down undeploys
   * everything at once), so its absence is no news worth a warning.
   */
  public Future<Integer> finalFlush() {
    return flush(true);
  }

  private Future<Integer> flush(boolean stopping) {
    if (inFlight != null) {
      return inFlight;
    }
    SyncSite now = site.get();
    if (!now.ready()) {
      return Future.succeededFuture(0);
    }
    Path machineDir = now.layout().machineDir();
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(LEDGER_TIMEOUT_MILLIS).setLocalOnly(true);
    inFlight = vertx.eventBus().<JsonObject>request(Addresses.USAGE_GET, new JsonObject().put("range", "day"), options)
        .compose(reply -> vertx.executeBlocking(() -> write(machineDir, reply.body()), true))
        .recover(failure -> noLedgerIsNothingToWrite(failure, stopping))
        .onComplete(done -> inFlight = null);
    return inFlight;
  }

  private int write(Path machineDir, JsonObject ledger) throws java.io.IOException {
    if (file == null || !file.path().getParent().equals(machineDir)) {
      file = new MachineUsageFile(machineDir);
    }
    var lines = UsageReconciler.reconcile(ledger, nodeId, file.written(), clock.instant().getEpochSecond());
    file.append(lines);
    return lines.size();
  }

  private Future<Integer> noLedgerIsNothingToWrite(Throwable failure, boolean stopping) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
      if (!toldNoLedger) {
        toldNoLedger = true;
        LOG.info("machine usage: the request history is not running on this node, so there is no usage to write");
      }
      return Future.succeededFuture(0);
    }
    LOG.log(stopping ? Level.FINE : Level.WARNING, "machine usage: could not update this machine's usage file",
        failure);
    return Future.failedFuture(failure);
  }
}
