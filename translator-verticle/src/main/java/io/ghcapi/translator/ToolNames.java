package io.ghcapi.translator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * OpenAI function names may be at most 64 characters; Anthropic's may be longer. A longer name is sent
 * as its first 55 characters, {@code _}, and 8 hex characters of its SHA-256 (deterministic, and two
 * similar names stay distinct); the original is restored in answers. One instance per request.
 */
public final class ToolNames {

  public static final int MAX_LENGTH = 64;

  private final Map<String, String> originalBySent = new HashMap<>();

  /** The name to send upstream. */
  public String outgoing(String name) {
    if (name == null || name.length() <= MAX_LENGTH) {
      return name;
    }
    String shortened = name.substring(0, 55) + "_" + sha256Hex(name).substring(0, 8);
    originalBySent.put(shortened, name);
    return shortened;
  }

  /** The client's name for a name that came back from upstream. */
  public String incoming(String name) {
    return name == null ? null : originalBySent.getOrDefault(name, name);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
