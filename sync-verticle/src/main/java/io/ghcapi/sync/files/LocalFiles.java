package io.ghcapi.sync.files;

import java.nio.file.Path;

/** Where the synced files live on this machine (seed §8.2). */
public record LocalFiles(Path home, Path gatewayConfig) {

  public Path path(SyncedFile file) {
    return switch (file) {
      case CLAUDE -> home.resolve(".claude").resolve("settings.json");
      case CODEX -> home.resolve(".codex").resolve("config.toml");
      case GHC_API -> gatewayConfig;
    };
  }
}
