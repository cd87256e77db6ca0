package dev.lmi.devkit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * A run's directory under the system temp directory ({@code lmi-local-*}), with an {@code owners}
 * file listing the processes that use it. Removed when the run ends; a directory whose owners are
 * all gone belongs to a run that was killed and is removed by the next run.
 */
record WorkDir(Path path) {
  static final String PREFIX = "lmi-local-";
  static final String OWNERS = "owners";

  /** Written by runs before the owners file existed; it names the owning process as "pid". */
  private static final String LEGACY_INFO = "local-info.json";

  private static final Pattern LEGACY_PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d{1,18})");

  /** A new directory owned by this process. */
  static WorkDir create(Path parent) {
    try {
      var dir = new WorkDir(Files.createTempDirectory(parent, PREFIX));
      dir.addOwner(ProcessHandle.current());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory under " + parent, e);
    }
  }

  /** Records another process (the child JVM) as a user of this directory. */
  void addOwner(ProcessHandle process) {
    try {
      Files.writeString(
          path.resolve(OWNERS),
          process.pid() + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path.resolve(OWNERS), e);
    }
  }

  /** The temp directory the run's JVM and its children use, inside this one. */
  Path tmp() {
    return path.resolve("tmp");
  }

  /** Removes the directory and everything in it; what cannot be removed is left, silently. */
  void delete() {
    if (!Files.exists(path)) {
      return;
    }
    try (var files = Files.walk(path)) {
      for (var p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // Another process may still be writing; the next run's stale sweep takes the rest.
    }
  }

  /**
   * The run directories under parent whose owners have all exited (alive says whether a pid runs).
   * Directories without an owner record, or of another user, are not ours to judge.
   */
  static List<WorkDir> stale(Path parent, LongPredicate alive) {
    var found = new ArrayList<WorkDir>();
    try (var dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (var dir : dirs) {
        var owners = owners(dir);
        if (!owners.isEmpty() && owners.stream().noneMatch(alive::test) && ownedByMe(dir)) {
          found.add(new WorkDir(dir));
        }
      }
    } catch (IOException e) {
      // An unreadable temp directory: nothing to sweep.
    }
    return found;
  }

  /** Removes the directories of earlier runs that were killed; returns how many. */
  static int sweep(Path parent) {
    var stale =
        stale(parent, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    stale.forEach(WorkDir::delete);
    return stale.size();
  }

  static List<Long> owners(Path dir) {
    try {
      if (Files.isRegularFile(dir.resolve(OWNERS))) {
        return Files.readAllLines(dir.resolve(OWNERS)).stream()
            .map(String::strip)
            .filter(l -> l.matches("\\d{1,19}"))
            .map(Long::valueOf)
            .toList();
      }
      if (Files.isRegularFile(dir.resolve(LEGACY_INFO))) {
        // A pattern, not a JSON parser: the sweep runs in the parent JVM, which stays small.
        var pid = LEGACY_PID.matcher(Files.readString(dir.resolve(LEGACY_INFO)));
        return pid.find() ? List.of(Long.valueOf(pid.group(1))) : List.of();
      }
    } catch (IOException | RuntimeException e) {
      // Half-written or foreign: not ours to judge.
    }
    return List.of();
  }

  private static boolean ownedByMe(Path dir) {
    try {
      return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
