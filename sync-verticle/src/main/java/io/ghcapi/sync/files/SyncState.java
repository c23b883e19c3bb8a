package io.ghcapi.sync.files;

import java.util.Locale;

/**
 * How a file on this machine relates to its OneDrive copy, judged on the shared content against the hash
 * recorded at this machine's last sync of it.
 */
public enum SyncState {
  /** Both sides hold the same content. */
  IN_SYNC,
  /** Only this machine has the file: a push shares it. */
  LOCAL_ONLY,
  /** Only OneDrive has it: a pull brings it here. */
  ONEDRIVE_ONLY,
  /** This machine changed it since the last sync; OneDrive did not: a push shares it. */
  LOCAL_CHANGED,
  /** OneDrive's copy changed since this machine's last sync; the local file did not: a pull brings it. */
  ONEDRIVE_CHANGED,
  /** Both changed since the last sync, or they differ and this machine never synced the file. */
  CONFLICT,
  /** Neither side has it. */
  MISSING;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SyncState judge(String localHash, String syncHash, String baseHash) {
    if (localHash == null && syncHash == null) {
      return MISSING;
    }
    if (localHash != null && localHash.equals(syncHash)) {
      return IN_SYNC;
    }
    if (syncHash == null) {
      return LOCAL_ONLY;
    }
    if (localHash == null) {
      return ONEDRIVE_ONLY;
    }
    if (baseHash == null) {
      return CONFLICT;
    }
    if (localHash.equals(baseHash)) {
      return ONEDRIVE_CHANGED;
    }
    if (syncHash.equals(baseHash)) {
      return LOCAL_CHANGED;
    }
    return CONFLICT;
  }
}
