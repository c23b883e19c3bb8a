package io.ghcapi.sync.files;

import java.nio.charset.StandardCharsets;

/** The part of a file that is compared, hashed and synced: the whole file, except Codex's projects (seed §8.2). */
public final class SharedContent {

  private SharedContent() {
  }

  /** Null stays null (a missing file). */
  public static byte[] of(SyncedFile file, byte[] content) {
    if (content == null || file != SyncedFile.CODEX) {
      return content;
    }
    return CodexConfigParts.split(new String(content, StandardCharsets.UTF_8)).shared()
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What a pull writes locally: the shared copy, with Codex's local projects tables kept.
   *
   * @param local the local file now, or null
   */
  public static byte[] mergeForLocal(SyncedFile file, byte[] shared, byte[] local) {
    if (file != SyncedFile.CODEX) {
      return shared;
    }
    String projects = local == null ? ""
        : CodexConfigParts.split(new String(local, StandardCharsets.UTF_8)).projects();
    String sharedPart = CodexConfigParts.split(new String(shared, StandardCharsets.UTF_8)).shared();
    return CodexConfigParts.join(sharedPart, projects).getBytes(StandardCharsets.UTF_8);
  }
}
