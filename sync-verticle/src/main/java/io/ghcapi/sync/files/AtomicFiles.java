package io.ghcapi.sync.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * File reads and writes for synced files. A write goes to a temporary file in the same folder, is flushed
 * to disk, then renamed over the target: a reader (or OneDrive) sees the old file or the new one, never
 * half of one. The target's permissions are kept (a settings file readable by its owner only stays so), and
 * a symbolic link is written through, not replaced. Blocking: call on a worker thread.
 */
public final class AtomicFiles {

  /** Config files are small; anything bigger is not one and is refused rather than read into memory. */
  public static final long MAX_FILE_BYTES = 16L << 20;

  private AtomicFiles() {
  }

  /** The file's bytes, or null when it does not exist. */
  public static byte[] readOrNull(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException(file + " is " + size + " bytes, more than a config file can be (" + MAX_FILE_BYTES + ")");
    }
    return Files.readAllBytes(file);
  }

  public static void write(Path target, byte[] data) throws IOException {
    Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target;
    Path folder = real.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Set<PosixFilePermission> permissions = permissionsOf(real);
    Path temp = Files.createTempFile(folder, "." + real.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      try {
        Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
    if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return null;
    }
    return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
  }
}
