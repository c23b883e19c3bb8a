package io.ghcapi.cache.query;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.ghcapi.cache.store.EntryRef;
import io.ghcapi.cache.store.HistoryEntry;
import io.ghcapi.cache.store.HistoryStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code ghc.history.export}, {@code .import}, {@code .sync} and {@code .clear}. */
public final class HistoryTransfer {

  static final long DEFAULT_PAGE_BYTES = 1L << 20;
  private static final long MAX_PAGE_BYTES = 64L << 20;
  /** The gateway sends a few hundred lines at a time; far more in one message is refused. */
  static final int MAX_IMPORT_LINES = 10_000;
  private static final Comparator<EntryRef> BY_TIME_THEN_ID = Comparator
      .comparingDouble((EntryRef ref) -> RecordFields.timestampOf(ref.summary()))
      .thenComparing(EntryRef::id);

  private final HistoryStore store;
  private final String nodeId;

  public HistoryTransfer(HistoryStore store, String nodeId) {
    this.store = store;
    this.nodeId = nodeId;
  }

  /**
   * A page of the completed entries as JSON Lines, oldest first. The cursor is an insertion number, so
   * pages stay consistent while entries are added or evicted between two requests.
   */
  public Future<JsonObject> export(JsonObject body) {
    long cursor = Math.max(0, Params.integer(body, "cursor", 0));
    long maxBytes = pageBytes(body);
    List<EntryRef> refs = new ArrayList<>();
    for (HistoryEntry entry : store.index().entriesFrom(cursor)) {
      if (entry.completed()) {
        refs.add(entry.ref());
      }
    }
    return store.onWorker(reader -> JsonLinesPage.build(refs, reader, maxBytes)).map(page -> new JsonObject()
        .put("lines", page.lines())
        .put("count", page.count())
        .put("next_cursor", page.nextIndex() < 0 ? null : refs.get(page.nextIndex()).order()));
  }

  /** Imports a batch of lines; every bad line is reported with its number, the others are imported. */
  public Future<JsonObject> importLines(JsonObject body) {
    if (!(body.getValue("lines") instanceof JsonArray array)) {
      throw RequestException.badRequest("'lines' must be an array of strings");
    }
    if (array.size() > MAX_IMPORT_LINES) {
      throw RequestException.badRequest("at most " + MAX_IMPORT_LINES + " lines per import request, got "
          + array.size());
    }
    long first = Params.integer(body, "first_line_number", 1);
    List<String> lines = new ArrayList<>(array.size());
    JsonArray notText = new JsonArray();
    for (int i = 0; i < array.size(); i++) {
      Object line = array.getValue(i);
      if (line instanceof String text) {
        lines.add(text);
      } else {
        lines.add(null);
        if (line != null) {
          notText.add(new JsonObject().put("line", first + i).put("message", "not a string"));
        }
      }
    }
    return store.importLines(lines, first, false).map(result -> {
      JsonArray errors = notText.copy().addAll(result.errors());
      return new JsonObject().put("imported", result.imported()).put("errors", errors);
    });
  }

  /**
   * Entries newer than {@code after_timestamp} for a peer catching up, ordered by (timestamp, id) so that
   * the cursor (the last entry sent) means the same on every node. Refuses the requester's own node, so
   * that the event bus tries another consumer.
   */
  public Future<JsonObject> sync(JsonObject body) {
    String requester = Params.text(body, "node_id");
    if (nodeId.equals(requester)) {
      throw RequestException.notFound("a node does not sync from itself");
    }
    double after = valueOrZero(Params.number(body, "after_timestamp"));
    JsonObject cursor = body.getValue("cursor") instanceof JsonObject object ? object : null;
    double cursorTime = cursor == null ? Double.NEGATIVE_INFINITY : valueOrZero(Params.number(cursor, "after_timestamp"));
    String cursorId = cursor == null ? "" : String.valueOf(cursor.getValue("after_id", ""));
    long maxBytes = pageBytes(body);
    List<EntryRef> refs = new ArrayList<>();
    for (HistoryEntry entry : store.index().entries()) {
      double time = RecordFields.timestampOf(entry.summary());
      if (entry.completed() && time > after
          && (time > cursorTime || (time == cursorTime && entry.id().compareTo(cursorId) > 0))) {
        refs.add(entry.ref());
      }
    }
    refs.sort(BY_TIME_THEN_ID);
    return store.onWorker(reader -> JsonLinesPage.build(refs, reader, maxBytes)).map(page -> {
      JsonObject next = null;
      if (page.nextIndex() > 0) {
        EntryRef last = refs.get(page.nextIndex() - 1);
        next = new JsonObject().put("after_timestamp", RecordFields.timestampOf(last.summary()))
            .put("after_id", last.id());
      }
      return new JsonObject().put("lines", page.lines()).put("count", page.count()).put("next_cursor", next)
          .put(RequestRecord.NODE_ID, nodeId);
    });
  }

  public Future<JsonObject> clear(JsonObject body) {
    return store.clear().map(count -> new JsonObject().put("cleared", count));
  }

  private static long pageBytes(JsonObject body) {
    return Math.max(1, Math.min(MAX_PAGE_BYTES, Params.integer(body, "max_bytes", DEFAULT_PAGE_BYTES)));
  }

  private static double valueOrZero(Double value) {
    return value == null ? 0 : value;
  }
}
