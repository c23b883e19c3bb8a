package io.ghcapi.acp.store;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The line format of a stored session: one compact JSON object per line, appended as the session goes, each
 * with {@code t} saying what it is.
 * <ul>
 *   <li>{@code session}: the header (id, agent kind, working directory, agent info and capabilities, modes,
 *       models, config options, ...), first;</li>
 *   <li>{@code prompt}: {@code {prompt_id, at, text}}, when a turn starts;</li>
 *   <li>{@code turn}: {@code {prompt_id, at, stop_reason, entries, dropped}}, when it ends
 *       ({@link TurnCompactor} entries);</li>
 *   <li>{@code status}: {@code {status, at, reason}};</li>
 *   <li>{@code settings}: {@code {at, ...}} fields that replace the header's (modes, models, config options,
 *       available commands, auto-approve policy, title).</li>
 * </ul>
 * Folding the lines in order gives the session; a line that cannot be read (the last one, cut by a crash) is
 * skipped.
 */
public final class SessionFile {

  public static final Set<String> SETTINGS_FIELDS = Set.of("modes", "models", "config_options",
      "available_commands", "auto_approve", "title", "agent_session_id");
  private static final int TITLE_CHARS = 80;

  private SessionFile() {
  }

  /** The whole session: header fields, {@code messages}, {@code status}, {@code updated_at}. */
  public static JsonObject read(List<String> lines) {
    JsonObject session = new JsonObject().put("messages", new JsonArray());
    for (String line : lines) {
      JsonObject parsed = parse(line);
      if (parsed != null) {
        apply(session, parsed, true);
      }
    }
    return session.containsKey("id") ? session : null;
  }

  /** One line, or null when it is not a readable object. */
  public static JsonObject parse(String line) {
    if (line == null || line.isBlank()) {
      return null;
    }
    try {
      return new JsonObject(line);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  /**
   * Applies one line.
   *
   * @param keepMessages false keeps a summary only: {@code message_count} and {@code title} instead of messages
   */
  public static void apply(JsonObject session, JsonObject line, boolean keepMessages) {
    String kind = line.getString("t", "");
    String at = line.getString("at");
    switch (kind) {
      case "session" -> {
        line.forEach(field -> {
          if (!"t".equals(field.getKey())) {
            session.put(field.getKey(), field.getValue());
          }
        });
        session.put("updated_at", line.getString("created_at", at));
      }
      case "prompt" -> {
        session.put("message_count", session.getInteger("message_count", 0) + 1);
        if (!session.containsKey("title") && line.getString("text") != null) {
          session.put("title", title(line.getString("text")));
        }
        if (keepMessages) {
          session.getJsonArray("messages").add(new JsonObject().put("role", "user")
              .put("prompt_id", line.getString("prompt_id")).put("at", at).put("text", line.getString("text")));
        }
      }
      case "turn" -> {
        session.put("message_count", session.getInteger("message_count", 0) + 1);
        if (keepMessages) {
          session.getJsonArray("messages").add(new JsonObject().put("role", "agent")
              .put("prompt_id", line.getString("prompt_id")).put("at", at)
              .put("stop_reason", line.getString("stop_reason"))
              .put("entries", line.getJsonArray("entries", new JsonArray()))
              .put("dropped", line.getInteger("dropped", 0)));
        }
      }
      case "status" -> {
        session.put("status", line.getString("status"));
        session.put("status_reason", line.getString("reason"));
      }
      case "settings" -> line.forEach(field -> {
        if (SETTINGS_FIELDS.contains(field.getKey())) {
          session.put(field.getKey(), field.getValue());
        }
      });
      default -> {
        return;
      }
    }
    if (at != null) {
      session.put("updated_at", at);
    }
  }

  public static String title(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= TITLE_CHARS ? flat : flat.substring(0, TITLE_CHARS - 1) + "…";
  }
}
