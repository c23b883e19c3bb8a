package io.ghcapi.sync.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The config hash (seed §8.3): SHA-1 over, for {@code ghc-api}, {@code claude}, {@code codex} in that order,
 * the bytes {@code [<key>]} then the file's shared content, or {@code <missing>}.
 */
public final class ConfigHash {

  private static final byte[] MISSING = "<missing>".getBytes(StandardCharsets.UTF_8);

  private ConfigHash() {
  }

  /** @param shared each file's shared content ({@link SharedContent}); absent or null = missing */
  public static String of(Map<SyncedFile, byte[]> shared) {
    MessageDigest digest = sha1();
    for (SyncedFile file : SyncedFile.values()) {
      digest.update(("[" + file.key() + "]").getBytes(StandardCharsets.UTF_8));
      byte[] content = shared.get(file);
      digest.update(content == null ? MISSING : content);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-1 of one file's shared content, for the last-sync record; null for a missing file. */
  public static String ofContent(byte[] content) {
    return content == null ? null : HexFormat.of().formatHex(sha1().digest(content));
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }
}
