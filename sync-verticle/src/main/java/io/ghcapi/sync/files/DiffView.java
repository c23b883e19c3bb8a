package io.ghcapi.sync.files;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A diff as the page shows it: lines {@code {op, text, secret}} with op {@code context} (both sides),
 * {@code onedrive} (only in the OneDrive copy), {@code local} (only on this machine) or {@code skip}
 * ({@code count} unchanged lines left out). Secret values are hidden on both sides; a changed secret still
 * shows as a changed line and is named in {@code secrets_changed}.
 */
final class DiffView {

  static final int CONTEXT = 3;
  static final int MAX_LINES = 2000;

  private DiffView() {
  }

  /** @param onedrive the OneDrive copy's shared content (null = missing); @param local this machine's */
  static JsonObject of(byte[] onedrive, byte[] local) {
    JsonObject view = new JsonObject().put("onedrive_exists", onedrive != null).put("local_exists", local != null);
    if (isBinary(onedrive) || isBinary(local)) {
      return view.put("identical", Arrays.equals(onedrive, local)).put("lines", new JsonArray())
          .put("secrets_changed", new JsonArray()).put("truncated", false).put("note", "binary content is not shown");
    }
    List<String> before = lines(onedrive);
    List<String> after = lines(local);
    List<SecretRedactor.Line> beforeShown = SecretRedactor.redact(before);
    List<SecretRedactor.Line> afterShown = SecretRedactor.redact(after);
    List<TextDiff.Op> ops = TextDiff.diff(before, after);
    JsonArray out = new JsonArray();
    Set<String> secretsChanged = new LinkedHashSet<>();
    boolean truncated = false;
    int unchangedRun = 0;
    List<TextDiff.Op> pending = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      TextDiff.Op op = ops.get(i);
      if (op.kind() == ' ') {
        pending.add(op);
        unchangedRun++;
        continue;
      }
      flushContext(pending, out, beforeShown, out.isEmpty(), false);
      pending.clear();
      unchangedRun = 0;
      SecretRedactor.Line shown = op.kind() == '-' ? beforeShown.get(op.beforeIndex()) : afterShown.get(op.afterIndex());
      if (shown.secret() != null) {
        secretsChanged.add(shown.secret());
      }
      out.add(new JsonObject().put("op", op.kind() == '-' ? "onedrive" : "local").put("text", shown.text())
          .put("secret", shown.secret() != null));
      if (out.size() >= MAX_LINES) {
        truncated = i < ops.size() - 1;
        pending.clear();
        break;
      }
    }
    if (!pending.isEmpty()) {
      flushContext(pending, out, beforeShown, out.isEmpty(), true);
    }
    boolean identical = Arrays.equals(onedrive, local);
    return view.put("identical", identical).put("lines", identical ? new JsonArray() : out)
        .put("secrets_changed", new JsonArray(new ArrayList<>(secretsChanged))).put("truncated", truncated)
        .put("onedrive_line_count", before.size()).put("local_line_count", after.size());
  }

  /** Unchanged lines between changes: up to {@link #CONTEXT} on each side of a change, the rest as a skip. */
  private static void flushContext(List<TextDiff.Op> run, JsonArray out, List<SecretRedactor.Line> shown,
      boolean atStart, boolean atEnd) {
    int keepHead = atStart ? 0 : CONTEXT;
    int keepTail = atEnd ? 0 : CONTEXT;
    if (run.size() <= keepHead + keepTail) {
      run.forEach(op -> out.add(context(shown, op)));
      return;
    }
    for (int i = 0; i < keepHead; i++) {
      out.add(context(shown, run.get(i)));
    }
    out.add(new JsonObject().put("op", "skip").put("count", run.size() - keepHead - keepTail));
    for (int i = run.size() - keepTail; i < run.size(); i++) {
      out.add(context(shown, run.get(i)));
    }
  }

  private static JsonObject context(List<SecretRedactor.Line> shown, TextDiff.Op op) {
    SecretRedactor.Line line = shown.get(op.beforeIndex());
    return new JsonObject().put("op", "context").put("text", line.text()).put("secret", line.secret() != null);
  }

  private static List<String> lines(byte[] content) {
    if (content == null || content.length == 0) {
      return List.of();
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    return Arrays.asList(text.split("\r?\n", -1));
  }

  private static boolean isBinary(byte[] content) {
    if (content == null) {
      return false;
    }
    for (int i = 0; i < Math.min(content.length, 8192); i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
