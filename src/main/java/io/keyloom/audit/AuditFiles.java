package io.keyloom.audit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Opens the audit log that {@code --audit-log} names (docs/audit-log.md). */
public final class AuditFiles {
  /** The audit log's file name in the data directory when {@code --audit-log} is not given. */
  public static final String DEFAULT_NAME = "audit.log";

  /** The {@code --audit-log} value that writes to standard output. */
  public static final String STDOUT = "-";

  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");

  private AuditFiles() {}

  /**
   * Opens the audit log for appending.
   *
   * @param target {@code --audit-log}: a path, {@code -} for standard output, or empty for {@code
   *     audit.log} in {@code dataDir}
   * @param clock stamps the events' {@code time}
   */
  public static AuditLog open(Optional<String> target, Path dataDir, Clock clock)
      throws IOException {
    if (target.filter(STDOUT::equals).isPresent()) {
      return new AuditLog(new Unclosed(System.out), clock);
    }
    Path file = target.map(Path::of).orElseGet(() -> dataDir.resolve(DEFAULT_NAME));
    return new AuditLog(append(file), clock);
  }

  /**
   * An unbuffered stream appending to {@code file}, created 0600 (owner only, like the data
   * directory's other files) and narrowed to 0600 if it exists with a wider mode.
   */
  static OutputStream append(Path file) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] mode =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
            : new FileAttribute<?>[0];
    OutputStream out =
        Channels.newOutputStream(
            Files.newByteChannel(
                file,
                Set.of(
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                mode));
    if (posix && Files.isRegularFile(file)) {
      Files.setPosixFilePermissions(file, FILE_MODE);
    }
    return out;
  }

  /** Standard output, written a line batch at a time and never closed. */
  private static final class Unclosed extends FilterOutputStream {
    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
