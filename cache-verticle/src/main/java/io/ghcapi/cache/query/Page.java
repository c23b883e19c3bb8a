package io.ghcapi.cache.query;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** One page of summaries in the listing shape {@code {items, total, page, per_page, total_pages, user_filter}}. */
final class Page {

  private Page() {
  }

  static JsonObject of(List<JsonObject> all, int page, int perPage, String userFilter) {
    int total = all.size();
    int totalPages = (total + perPage - 1) / perPage;
    long from = (long) (page - 1) * perPage;
    JsonArray items = new JsonArray();
    for (long i = from; i < Math.min(total, from + perPage); i++) {
      items.add(all.get((int) i));
    }
    return new JsonObject()
        .put("items", items)
        .put("total", total)
        .put("page", page)
        .put("per_page", perPage)
        .put("total_pages", totalPages)
        .put("user_filter", userFilter);
  }
}
