package io.ghcapi.cache.store;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.BodyLimit;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * Started exchanges keep what is known so far in memory until they complete; the bodies they hold are
 * bounded in total bytes. Past the budget a started record is kept without its bodies (its completed
 * record brings them anyway).
 */
final class InFlightBudget {

  private final long maxBytes;
  private long heldBytes;

  InFlightBudget(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  Location.InFlight hold(JsonObject record) {
    long bytes = RecordFields.estimatedBytes(record);
    if (heldBytes + bytes <= maxBytes) {
      heldBytes += bytes;
      return new Location.InFlight(record, bytes);
    }
    JsonObject withoutBodies = new JsonObject(new LinkedHashMap<>(record.getMap()));
    BodyLimit.BODY_FIELDS.forEach(withoutBodies::remove);
    withoutBodies.remove(RequestRecord.RAW_EVENTS);
    return new Location.InFlight(withoutBodies, 0);
  }

  void release(Location location) {
    if (location instanceof Location.InFlight inFlight) {
      heldBytes -= inFlight.heldBytes();
    }
  }

  long heldBytes() {
    return heldBytes;
  }
}
