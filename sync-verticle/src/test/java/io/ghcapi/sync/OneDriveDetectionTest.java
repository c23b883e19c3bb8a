package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.sync.onedrive.HostFacts;
import io.ghcapi.sync.onedrive.MachineName;
import io.ghcapi.sync.onedrive.OneDriveLocator;
import io.ghcapi.sync.onedrive.WindowsHomeProbe;
import io.ghcapi.sync.tools.ExecutableFinder;
import io.ghcapi.sync.tools.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed §8.1: where OneDrive is found, on Linux, under WSL (a fake /mnt/c/Users) and by override. */
class OneDriveDetectionTest {

  @TempDir
  Path root;

  private static final HostFacts LINUX = new HostFacts(Map.of(), "Linux", "6.1.0-18-amd64", "devbox.example.org");

  @Test
  void inTheHomeAnOrganisationsOneDriveWinsOverThePersonalOneIgnoringCase() throws Exception {
    Path home = Files.createDirectories(root.resolve("home"));
    Files.createDirectories(home.resolve("OneDrive"));
    Files.createDirectories(home.resolve("onedrive - zeta corp"));
    Files.createDirectories(home.resolve("OneDrive - Contoso"));

    OneDriveLocator.Detection found = new OneDriveLocator(LINUX, home, root.resolve("mnt"), null).locate("");

    assertEquals(home.resolve("OneDrive - Contoso"), found.folder());
    assertEquals("home", found.how());
  }

  @Test
  void thePersonalOneDriveWhenThereIsNoOrganisationsAndNothingWhenThereIsNone() throws Exception {
    Path home = Files.createDirectories(root.resolve("home"));
    assertFalse(new OneDriveLocator(LINUX, home, root, null).locate(null).found());
    Files.createDirectories(home.resolve("OneDrive"));
    assertEquals(home.resolve("OneDrive"), new OneDriveLocator(LINUX, home, root, null).locate(null).folder());
  }

  @Test
  void theOverrideIsUsedAsItIsAndMustExist() throws Exception {
    Path elsewhere = Files.createDirectories(root.resolve("synced/Shared"));
    OneDriveLocator locator = new OneDriveLocator(LINUX, root.resolve("home"), root, null);
    assertEquals(elsewhere, locator.locate(elsewhere.toString()).folder());
    OneDriveLocator.Detection missing = locator.locate(root.resolve("nope").toString());
    assertNull(missing.folder());
    assertTrue(missing.how().contains("is not a folder"), missing.how());
  }

  @Test
  void underWslTheWindowsProfileNamedLikeTheUserIsSearchedBeforeTheOthers() throws Exception {
    Path mnt = root.resolve("mnt");
    Path users = mnt.resolve("c/Users");
    Files.createDirectories(users.resolve("Public/OneDrive"));
    Files.createDirectories(users.resolve("alice/OneDrive - Contoso"));
    Files.createDirectories(users.resolve("bob/OneDrive - Fabrikam"));
    Path linuxHome = Files.createDirectories(root.resolve("home/bob/OneDrive"));
    HostFacts wsl = new HostFacts(Map.of("WSL_DISTRO_NAME", "Ubuntu", "USER", "bob"), "Linux",
        "5.15.153.1-microsoft-standard-WSL2", "laptop");

    OneDriveLocator.Detection found = new OneDriveLocator(wsl, linuxHome.getParent(), mnt, null).locate("");

    assertEquals(users.resolve("bob/OneDrive - Fabrikam"), found.folder());
    assertEquals("wsl", found.how());
    assertEquals(List.of(users.resolve("bob"), users.resolve("alice")), found.homesSearched(),
        "the user's profile first, then the others sorted, system profiles left out");
  }

  @Test
  void underWslTheProfileWindowsReportsComesFirstAndTheKernelNameAloneTellsWsl() throws Exception {
    Path mnt = root.resolve("mnt");
    Path users = mnt.resolve("c/Users");
    Files.createDirectories(users.resolve("alice/OneDrive - Contoso"));
    Files.createDirectories(users.resolve("zed.admin/OneDrive"));
    HostFacts wsl = new HostFacts(Map.of("USER", "alice"), "Linux", "5.15.90.1-Microsoft-standard-WSL2", "laptop");
    assertTrue(wsl.wsl());
    WindowsHomeProbe windowsSays = new WindowsHomeProbe(null, null, null) {
      @Override
      public Optional<String> userProfile() {
        return Optional.of("C:\\Users\\zed.admin");
      }
    };

    OneDriveLocator.Detection found = new OneDriveLocator(wsl, root, mnt, windowsSays).locate("");

    assertEquals(users.resolve("zed.admin/OneDrive"), found.folder());
  }

  @Test
  void theWindowsProfileIsAskedFromCmdExeOnThePathWithinAShortTime() throws Exception {
    FakeMachine machine = new FakeMachine(root, "wsl");
    machine.program("cmd.exe", "printf 'C:\\\\Users\\\\carol\\r\\n'");
    Path mnt = root.resolve("mnt");
    Files.createDirectories(mnt.resolve("c/Users/carol/OneDrive - Contoso"));
    Files.createDirectories(mnt.resolve("c/Users/alice/OneDrive"));
    WindowsHomeProbe probe = new WindowsHomeProbe(new ExecutableFinder(machine.bin.toString(), false, null),
        new ProcessRunner(Map.of("PATH", machine.bin.toString()), 4000), mnt.resolve("c"));
    assertEquals(Optional.of("C:\\Users\\carol"), probe.userProfile());

    HostFacts wsl = new HostFacts(Map.of("WSL_DISTRO_NAME", "Debian"), "Linux", "", "laptop");
    assertEquals(mnt.resolve("c/Users/carol/OneDrive - Contoso"),
        new OneDriveLocator(wsl, root, mnt, probe).locate("").folder());
  }

  @Test
  void theMachineNameIsHostAndOsAndIsSafeAsAFolderName() {
    assertEquals("devbox_Linux", MachineName.of("", LINUX));
    assertEquals("laptop_WSL", MachineName.of(null, new HostFacts(Map.of("WSL_DISTRO_NAME", "Ubuntu"), "Linux", "", "laptop")));
    assertEquals("PC-42_Win", MachineName.of("", new HostFacts(Map.of(), "Windows 11", "", "PC-42")));
    assertEquals("mbp_Mac", MachineName.of("", new HostFacts(Map.of(), "Mac OS X", "", "mbp.local")),
        "macOS is not labelled Linux (seed §11.2)");
    assertEquals("_.._evil", MachineName.of("../../evil", LINUX));
    assertFalse(MachineName.isSafe(".."));
  }
}
