package io.ghcapi.sync;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A machine made of temporary folders: a home (with {@code .claude/settings.json} and {@code .codex/config.toml}),
 * a config folder with the gateway's {@code config.yaml}, and a {@code bin} folder for fake programs; OneDrive is
 * a folder that several fake machines share.
 */
final class FakeMachine {

  final String name;
  final Path home;
  final Path configDir;
  final Path bin;

  FakeMachine(Path root, String name) {
    this.name = name;
    this.home = root.resolve(name + "-home");
    this.configDir = home.resolve(".ghc-api");
    this.bin = root.resolve(name + "-bin");
    try {
      Files.createDirectories(configDir);
      Files.createDirectories(bin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path claude() {
    return home.resolve(".claude/settings.json");
  }

  Path codex() {
    return home.resolve(".codex/config.toml");
  }

  Path gatewayConfig() {
    return configDir.resolve("config.yaml");
  }

  FakeMachine write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A shell script on this machine's PATH. */
  FakeMachine program(String name, String body) {
    Path file = bin.resolve(name);
    write(file, "#!/bin/sh\n" + body + "\n");
    if (!file.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + file + " executable");
    }
    return this;
  }

  /** The sync verticle's config for this machine, syncing through {@code oneDrive}. */
  JsonObject config(Path oneDrive) {
    return new JsonObject()
        .put("onedrive_access", oneDrive != null)
        .put("onedrive_path", oneDrive == null ? "" : oneDrive.toString())
        .put("sync_home", home.toString())
        .put("config_file", gatewayConfig().toString())
        .put("machine_name", name)
        .put("node_id", name)
        .put("tools_path", bin.toString())
        .put("usage_flush_interval", 3600);
  }

  /** Files ending in {@code .bak} next to {@code file}. */
  static long backupsBeside(Path file) {
    try (Stream<Path> files = Files.list(file.getParent())) {
      return files.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".")
          && p.getFileName().toString().endsWith(".bak")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
