package io.ghcapi.acp.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.acp.rpc.RpcCodes;
import io.ghcapi.acp.rpc.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File access confined to the working directory, whatever the path says. */
class WorkspaceFilesTest {

  @TempDir
  Path temp;
  private Path root;
  private WorkspaceFiles files;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(temp.resolve("work")).toRealPath();
    Files.writeString(root.resolve("a.txt"), "one\ntwo\nthree\nfour");
    Files.writeString(temp.resolve("secret.txt"), "secret");
    files = new WorkspaceFiles(root, 100);
  }

  @Test
  void readsWholeFilesAndLineRanges() {
    assertEquals("one\ntwo\nthree\nfour", files.read(root + "/a.txt", null, null));
    assertEquals("two\nthree\n", files.read(root + "/a.txt", 2, 2));
    assertEquals("four", files.read(root + "/a.txt", 4, 10));
    assertEquals("", files.read(root + "/a.txt", 9, null));
    assertEquals("three\nfour", files.read(root + "/sub/../a.txt", 3, null));
  }

  @Test
  void writesCreateTheFileAndItsFolders() throws Exception {
    files.write(root + "/new/deep/b.txt", "hello");
    assertEquals("hello", Files.readString(root.resolve("new/deep/b.txt")));
  }

  @Test
  void pathsLeadingOutsideAreRefused() throws Exception {
    Files.createSymbolicLink(root.resolve("escape"), temp);
    Files.createSymbolicLink(root.resolve("secret-link.txt"), temp.resolve("secret.txt"));
    for (String path : new String[] {root + "/../secret.txt", temp + "/secret.txt", root + "/escape/secret.txt",
        root + "/secret-link.txt", "/etc/passwd"}) {
      RpcException refused = assertThrows(RpcException.class, () -> files.read(path, null, null), path);
      assertEquals(RpcCodes.INVALID_PARAMS, refused.code());
      assertTrue(refused.getMessage().contains("outside the session's working directory"), refused.getMessage());
    }
    assertThrows(RpcException.class, () -> files.write(root + "/escape/planted.txt", "x"));
    assertThrows(RpcException.class, () -> files.write(root + "/secret-link.txt", "x"));
    assertFalse(Files.exists(temp.resolve("planted.txt")));
    assertEquals("secret", Files.readString(temp.resolve("secret.txt")));
  }

  @Test
  void relativeMissingTooLargeAndDirectoryPathsAreErrors() throws Exception {
    assertEquals(RpcCodes.INVALID_PARAMS, assertThrows(RpcException.class, () -> files.read("a.txt", null, null)).code());
    assertEquals(RpcCodes.RESOURCE_NOT_FOUND,
        assertThrows(RpcException.class, () -> files.read(root + "/missing.txt", null, null)).code());
    Files.writeString(root.resolve("big.txt"), "x".repeat(101));
    assertTrue(assertThrows(RpcException.class, () -> files.read(root + "/big.txt", null, null)).getMessage()
        .contains("larger than 100 bytes"));
    assertThrows(RpcException.class, () -> files.read(root.toString(), null, null));
  }
}
