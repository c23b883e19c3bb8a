package io.ghcapi.sync.files;

import java.util.Optional;

/** The three synced config files (seed §8.2), in the order their hash takes them (§8.3). */
public enum SyncedFile {
  GHC_API("ghc-api", "ghc_api_config.yaml", "ghc-api config.yaml"),
  CLAUDE("claude", "claude_settings.json", "Claude Code settings.json"),
  CODEX("codex", "codex_config.toml", "Codex config.toml (without [projects.*])");

  private final String key;
  private final String syncName;
  private final String label;

  SyncedFile(String key, String syncName, String label) {
    this.key = key;
    this.syncName = syncName;
    this.label = label;
  }

  /** The name on the wire and in hash input ({@code ghc-api}, {@code claude}, {@code codex}). */
  public String key() {
    return key;
  }

  /** The copy's name in {@code configSync}. */
  public String syncName() {
    return syncName;
  }

  public String label() {
    return label;
  }

  public static Optional<SyncedFile> byKey(String key) {
    for (SyncedFile file : values()) {
      if (file.key.equals(key)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}
