package io.ghcapi.examples.budget;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** Who may use how many tokens per 24 hours: one default budget and per-user overrides (0 = unlimited). */
record BudgetPolicy(long defaultBudget, Map<String, Long> perUser) {

  static BudgetPolicy from(JsonObject config) {
    Object value = config.getValue("daily_token_budget");
    if (!(value instanceof Number number) || number.longValue() < 0) {
      throw new IllegalArgumentException("daily_token_budget must be a number of tokens (0 = unlimited), got " + value);
    }
    Map<String, Long> perUser = new TreeMap<>();
    JsonObject overrides = config.getJsonObject("user_budgets", new JsonObject());
    for (String user : overrides.fieldNames()) {
      if (!(overrides.getValue(user) instanceof Number tokens) || tokens.longValue() < 0) {
        throw new IllegalArgumentException("user_budgets." + user + " must be a number of tokens");
      }
      perUser.put(user, tokens.longValue());
    }
    return new BudgetPolicy(number.longValue(), Map.copyOf(perUser));
  }

  long budgetOf(String user) {
    return perUser.getOrDefault(user, defaultBudget);
  }
}
