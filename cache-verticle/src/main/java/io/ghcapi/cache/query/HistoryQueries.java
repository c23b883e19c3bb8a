package io.ghcapi.cache.query;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.BodyLimit;
import io.ghcapi.cache.record.ExportLine;
import io.ghcapi.cache.record.RecordFields;
import io.ghcapi.cache.store.EntryRef;
import io.ghcapi.cache.store.HistoryEntry;
import io.ghcapi.cache.store.HistoryStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code ghc.history.list}, {@code .search} and {@code .get}. */
public final class HistoryQueries {

  private static final Set<String> PARTS = Set.of("full", RequestRecord.REQUEST_BODY, RequestRecord.RESPONSE_BODY);
  private static final Comparator<EntryRef> NEWEST_FIRST = Comparator
      .comparingDouble((EntryRef ref) -> RecordFields.timestampOf(ref.summary())).reversed()
      .thenComparing(Comparator.comparingLong(EntryRef::order).reversed());

  private final HistoryStore store;

  public HistoryQueries(HistoryStore store) {
    this.store = store;
  }

  /** A page of summaries, newest first, filtered on summary fields only. */
  public Future<JsonObject> list(JsonObject body) {
    ListQuery query = ListQuery.parse(body);
    List<EntryRef> matches = new ArrayList<>();
    for (HistoryEntry entry : store.index().entries()) {
      if (query.matches(entry.summary())) {
        matches.add(entry.ref());
      }
    }
    matches.sort(NEWEST_FIRST);
    return Future.succeededFuture(Page.of(summaries(matches), query.page, query.perPage, query.user));
  }

  /**
   * Full-text search of the bodies, read from disk on a worker thread, among the entries that pass the
   * listing's filters (user, model, endpoint, status, node, since, until).
   */
  public Future<JsonObject> search(JsonObject body) {
    ListQuery filters = ListQuery.parse(body.copy().put("search", (String) null));
    String q = Params.text(body, "q");
    if (q == null) {
      return Future.succeededFuture(Page.of(List.of(), filters.page, filters.perPage, filters.user));
    }
    String needle = q.toLowerCase(Locale.ROOT);
    List<EntryRef> candidates = new ArrayList<>();
    for (HistoryEntry entry : store.index().entries()) {
      if (filters.matches(entry.summary())) {
        candidates.add(entry.ref());
      }
    }
    candidates.sort(NEWEST_FIRST);
    return store.onWorker(reader -> {
      List<JsonObject> found = new ArrayList<>();
      for (EntryRef ref : candidates) {
        try {
          if (bodiesContain(reader.read(ref), needle)) {
            found.add(ref.summary());
          }
        } catch (IOException e) {
          // moved by a compaction meanwhile, or unreadable: not a match
        }
      }
      return Page.of(found, filters.page, filters.perPage, filters.user);
    });
  }

  /** One entry in the export shape, or one of its bodies. */
  public Future<JsonObject> get(JsonObject body) {
    String id = Params.text(body, "id");
    if (id == null) {
      throw RequestException.badRequest("'id' is required");
    }
    String part = Params.text(body, "part");
    String wanted = part == null ? "full" : part.toLowerCase(Locale.ROOT);
    if (!PARTS.contains(wanted)) {
      throw RequestException.badRequest("part must be full, request_body or response_body; got '" + part + "'");
    }
    return store.read(id).map(record -> {
      if (record == null) {
        throw RequestException.notFound("no history entry with id " + id);
      }
      return switch (wanted) {
        case RequestRecord.REQUEST_BODY -> new JsonObject()
            .put(RequestRecord.REQUEST_BODY, ExportLine.bodyValue(record.getValue(RequestRecord.REQUEST_BODY)));
        case RequestRecord.RESPONSE_BODY -> responseBody(record);
        default -> ExportLine.toJson(record);
      };
    });
  }

  /** A pass-through stream has its raw events and no assembled body. */
  private static JsonObject responseBody(JsonObject record) {
    Object events = record.getValue(RequestRecord.RAW_EVENTS);
    if (events instanceof JsonArray && record.getValue(RequestRecord.RESPONSE_BODY) == null) {
      return new JsonObject().put(RequestRecord.RAW_EVENTS, events);
    }
    return new JsonObject()
        .put(RequestRecord.RESPONSE_BODY, ExportLine.bodyValue(record.getValue(RequestRecord.RESPONSE_BODY)));
  }

  private static boolean bodiesContain(JsonObject record, String needle) {
    for (String field : BodyLimit.BODY_FIELDS) {
      if (record.getValue(field) instanceof String text && containsIgnoringCase(text, needle)) {
        return true;
      }
    }
    if (record.getValue(RequestRecord.RAW_EVENTS) instanceof JsonArray events) {
      for (Object event : events) {
        if (event instanceof String text && containsIgnoringCase(text, needle)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean containsIgnoringCase(String text, String lowerNeedle) {
    return text.length() >= lowerNeedle.length() && text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  private static List<JsonObject> summaries(List<EntryRef> refs) {
    List<JsonObject> out = new ArrayList<>(refs.size());
    refs.forEach(ref -> out.add(ref.summary()));
    return out;
  }
}
