package io.ghcapi.sync.onedrive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Where syncing happens right now: off (the default, seed §8), on but no OneDrive found, or on with the
 * folders to use.
 *
 * @param enabled {@code onedrive_access}
 * @param machine this machine's name
 * @param detection what detection found (null when off)
 * @param layout the OneDrive folders (null when off or not found)
 */
public record SyncSite(boolean enabled, String machine, OneDriveLocator.Detection detection, OneDriveLayout layout) {

  public static final String HOW_TO_ENABLE = "Set 'onedrive_access: true' in config.yaml (and 'onedrive_path' if the"
      + " OneDrive folder is not found by itself), then restart ghc-api.";

  public static SyncSite disabled(String machine) {
    return new SyncSite(false, machine, null, null);
  }

  /** Blocking (detection reads folders and may ask Windows): call on a worker thread. */
  public static SyncSite detect(String machine, String override, OneDriveLocator locator) {
    OneDriveLocator.Detection detection = locator.locate(override);
    return new SyncSite(true, machine, detection, detection.found() ? new OneDriveLayout(detection.folder(), machine) : null);
  }

  public boolean ready() {
    return layout != null;
  }

  /** Why syncing cannot happen now; null when it can. */
  public String unavailableReason() {
    if (!enabled) {
      return "OneDrive access is disabled by config. " + HOW_TO_ENABLE;
    }
    if (layout == null) {
      return "No OneDrive folder was found (" + detection.how() + "). Set 'onedrive_path' in config.yaml to the"
          + " OneDrive folder, then restart ghc-api.";
    }
    return null;
  }

  /** {@code {enabled, onedrive_access_disabled, onedrive_found, onedrive_path, detection, machine, homes_searched, message}}. */
  public JsonObject describe() {
    JsonArray homes = new JsonArray();
    if (detection != null) {
      detection.homesSearched().stream().map(Path::toString).forEach(homes::add);
    }
    return new JsonObject()
        .put("enabled", enabled)
        .put("onedrive_access_disabled", !enabled)
        .put("onedrive_found", ready())
        .put("onedrive_path", ready() ? layout.oneDrive().toString() : null)
        .put("detection", detection == null ? null : detection.how())
        .put("homes_searched", homes)
        .put("machine", machine)
        .put("message", unavailableReason());
  }
}
