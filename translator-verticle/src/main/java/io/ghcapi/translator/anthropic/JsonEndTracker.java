package io.ghcapi.translator.anthropic;

/**
 * Follows streamed tool-call arguments fragment by fragment and tells when the JSON value they spell has
 * closed, in time linear in the total length. Only brackets and strings are tracked; validity is not checked.
 */
final class JsonEndTracker {

  private int depth;
  private boolean inString;
  private boolean escaped;
  private boolean opened;
  private boolean closed;

  void feed(CharSequence fragment) {
    for (int i = 0; i < fragment.length() && !closed; i++) {
      char c = fragment.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '{', '[' -> {
          depth++;
          opened = true;
        }
        case '}', ']' -> {
          depth--;
          closed = opened && depth <= 0;
        }
        default -> {
        }
      }
    }
  }

  /** Whether the outermost object or array has been closed. */
  boolean closed() {
    return closed;
  }
}
