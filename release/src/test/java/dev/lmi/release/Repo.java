package dev.lmi.release;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found from the module directory the tests run in. */
final class Repo {
  private Repo() {}

  static Path root() {
    var dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("helm/lmi-operator"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
