package io.ghcapi.sync.onedrive;

import java.util.regex.Pattern;

/** This machine's folder name under {@code agents/}: {@code <host>_<os>} (seed §8.1), safe as one path segment. */
public final class MachineName {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private MachineName() {
  }

  /** The configured name, else {@code <host>_<os>}; either made safe for a folder name. */
  public static String of(String configured, HostFacts host) {
    String name = configured == null || configured.isBlank()
        ? shortHost(host.hostName()) + "_" + host.osLabel() : configured.trim();
    return safe(name);
  }

  /** A name usable as one folder name: no separators, no {@code ..}, never empty. */
  public static String safe(String name) {
    String cleaned = UNSAFE.matcher(name).replaceAll("_");
    while (cleaned.startsWith(".")) {
      cleaned = cleaned.substring(1);
    }
    return cleaned.isEmpty() ? "machine" : cleaned;
  }

  /** Whether a folder name read from OneDrive is one this code would have written. */
  public static boolean isSafe(String name) {
    return !name.isEmpty() && name.equals(safe(name));
  }

  private static String shortHost(String host) {
    String trimmed = host == null ? "" : host.trim();
    int dot = trimmed.indexOf('.');
    return dot > 0 ? trimmed.substring(0, dot) : trimmed;
  }
}
