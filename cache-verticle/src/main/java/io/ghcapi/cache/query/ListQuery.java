package io.ghcapi.cache.query;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The filters of {@code ghc.history.list}, all on summary fields (nothing is read from disk). */
final class ListQuery {

  private static final List<String> SEARCHED_FIELDS = List.of(RequestRecord.MODEL, RequestRecord.ENDPOINT,
      RequestRecord.TRANSLATED_MODEL, RequestRecord.USER_ID, RequestRecord.NODE_ID, RequestRecord.ID);

  final int page;
  final int perPage;
  final String user;
  private final String search;
  private final String model;
  private final String endpoint;
  private final String node;
  private final Predicate<JsonObject> status;
  private final Double since;
  private final Double until;

  private ListQuery(JsonObject body) {
    page = Params.page(body);
    perPage = Params.perPage(body);
    user = Params.user(body);
    String text = Params.text(body, "search");
    search = text == null ? null : text.toLowerCase(Locale.ROOT);
    model = Params.text(body, "model");
    endpoint = Params.text(body, "endpoint");
    node = Params.text(body, "node");
    status = StatusFilter.parse(Params.text(body, "status"));
    since = Params.number(body, "since");
    until = Params.number(body, "until");
  }

  static ListQuery parse(JsonObject body) {
    return new ListQuery(body);
  }

  boolean matches(JsonObject summary) {
    if (user != null && !user.equals(summary.getValue(RequestRecord.USER_ID))) {
      return false;
    }
    if (model != null && !model.equals(summary.getValue(RequestRecord.MODEL))
        && !model.equals(summary.getValue(RequestRecord.TRANSLATED_MODEL))) {
      return false;
    }
    if (endpoint != null && !endpoint.equals(summary.getValue(RequestRecord.ENDPOINT))) {
      return false;
    }
    if (node != null && !node.equals(summary.getValue(RequestRecord.NODE_ID))) {
      return false;
    }
    double timestamp = RecordFields.timestampOf(summary);
    if ((since != null && timestamp < since) || (until != null && timestamp > until)) {
      return false;
    }
    return status.test(summary) && matchesSearch(summary);
  }

  private boolean matchesSearch(JsonObject summary) {
    if (search == null) {
      return true;
    }
    for (String field : SEARCHED_FIELDS) {
      Object value = summary.getValue(field);
      if (value != null && String.valueOf(value).toLowerCase(Locale.ROOT).contains(search)) {
        return true;
      }
    }
    return false;
  }
}
