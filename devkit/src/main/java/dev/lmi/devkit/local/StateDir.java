package dev.lmi.devkit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory of the files other tools read (kubeconfig, AWS profile, info file, log): stable
 * across runs so commands from shell history keep working. One run holds it at a time, recorded by
 * its pid in {@code owner}; a second run at the same time uses its own work directory.
 */
final class StateDir {
  static final String OWNER = "owner";

  private StateDir() {}

  /** Takes preferred when no live process holds it, else falls back to the work directory. */
  static Path take(Path preferred, WorkDir work) {
    if (preferred == null) {
      return work.path();
    }
    try {
      Files.createDirectories(preferred);
      var owner = preferred.resolve(OWNER);
      synchronized (StateDir.class) {
        if (heldByAnother(owner)) {
          return work.path();
        }
        Files.writeString(owner, ProcessHandle.current().pid() + "\n");
      }
      return preferred;
    } catch (IOException | UncheckedIOException e) {
      return work.path();
    }
  }

  /** Lets the next run take it; the files stay, so the log can be read after the run. */
  static void release(Path dir) {
    try {
      var owner = dir.resolve(OWNER);
      if (Files.isRegularFile(owner) && !heldByAnother(owner)) {
        Files.delete(owner);
      }
    } catch (IOException e) {
      // Left behind: the next run sees its process is gone.
    }
  }

  private static boolean heldByAnother(Path owner) throws IOException {
    if (!Files.isRegularFile(owner)) {
      return false;
    }
    var text = Files.readString(owner).strip();
    if (!text.matches("\\d{1,19}")) {
      return false;
    }
    var pid = Long.parseLong(text);
    return pid != ProcessHandle.current().pid()
        && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
