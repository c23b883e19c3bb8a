package io.ghcapi.translator;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a translation could not carry over exactly. Nothing is dropped silently: each loss is named by a
 * short code ({@code tool.server_tool_dropped}, {@code thinking.dropped}...), reported to the client in the
 * {@code X-GHC-Compatibility-Warnings} header and kept in the request history. Bounded: codes come from code.
 */
public final class Warnings {

  private final Set<String> codes = new TreeSet<>();

  public void add(String code) {
    codes.add(code);
  }

  public boolean isEmpty() {
    return codes.isEmpty();
  }

  public Set<String> codes() {
    return Collections.unmodifiableSet(codes);
  }

  /** The header value: sorted codes joined by commas, cut to 1024 characters. */
  public String header() {
    String joined = String.join(",", codes);
    return joined.length() <= 1024 ? joined : joined.substring(0, 1024);
  }
}
