package io.ghcapi.acp.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A request path under {@code /api/agent}, split into segments, with the session id and the rest picked out:
 * {@code /api/agent/sessions/<id>/prompt} is {@code sessions}, id, {@code prompt}.
 */
record Route(String method, List<String> segments) {

  static final String PREFIX = "/api/agent";

  static Route of(String method, String path) {
    String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    List<String> segments = new ArrayList<>();
    for (String part : rest.split("/")) {
      if (!part.isEmpty()) {
        segments.add(part);
      }
    }
    return new Route(method.toUpperCase(java.util.Locale.ROOT), List.copyOf(segments));
  }

  /** True when the method is this and the segments match the pattern ({@code *} matches any one segment). */
  boolean is(String expectedMethod, String... pattern) {
    if (!method.equals(expectedMethod) || segments.size() != pattern.length) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  String segment(int index) {
    return segments.get(index);
  }
}
