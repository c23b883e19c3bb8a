package io.ghcapi.sync.onedrive;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * What detection needs to know about this machine, gathered once (reading files and asking the resolver
 * block: call {@link #current} on a worker thread). Tests build their own.
 *
 * @param env the environment variables
 * @param osName the {@code os.name} property
 * @param kernelRelease the Linux kernel release (empty elsewhere), which names Microsoft under WSL
 * @param hostName this machine's host name
 */
public record HostFacts(Map<String, String> env, String osName, String kernelRelease, String hostName) {

  public static HostFacts current(Map<String, String> env) {
    String osName = System.getProperty("os.name", "");
    return new HostFacts(env, osName, read(Paths.get("/proc/sys/kernel/osrelease")), hostName(env));
  }

  public boolean windows() {
    return osName.startsWith("Windows");
  }

  public boolean mac() {
    String lower = osName.toLowerCase(Locale.ROOT);
    return lower.contains("mac") || lower.contains("darwin");
  }

  /** Linux under the Windows Subsystem for Linux (seed §8.1). */
  public boolean wsl() {
    if (windows() || mac()) {
      return false;
    }
    String distro = env.get("WSL_DISTRO_NAME");
    return (distro != null && !distro.isBlank()) || kernelRelease.toLowerCase(Locale.ROOT).contains("microsoft");
  }

  /** The label in the machine name: {@code WSL}, {@code Win}, {@code Mac} or {@code Linux}. */
  public String osLabel() {
    if (wsl()) {
      return "WSL";
    }
    if (windows()) {
      return "Win";
    }
    return mac() ? "Mac" : "Linux";
  }

  private static String hostName(Map<String, String> env) {
    for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
      String value = read(Paths.get(file));
      if (!value.isBlank()) {
        return value;
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static String read(Path file) {
    try {
      return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
