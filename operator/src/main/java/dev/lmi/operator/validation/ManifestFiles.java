package dev.lmi.operator.validation;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The YAML files that the command-line paths name: a path itself, or the *.yaml and *.yml files of
 * a directory, as kubectl takes them: those below it too only when recursive (symbolic links
 * followed, loops reported). Only regular files are read: a device, FIFO or socket is reported,
 * never opened. Walking stops at the entry and file limits.
 */
final class ManifestFiles extends SimpleFileVisitor<Path> {
  private final int depth;
  private final InputLimits limits;
  private final List<Problem> unusable;
  private final List<Path> found = new ArrayList<>();
  private int entries;
  private InputLimitException stop;

  private ManifestFiles(boolean recursive, InputLimits limits, List<Problem> unusable) {
    this.depth = recursive ? Integer.MAX_VALUE : 1;
    this.limits = limits;
    this.unusable = unusable;
  }

  /** The files to read, in order; entries that cannot be read are added to {@code unusable}. */
  static List<Path> expand(
      List<Path> paths, boolean recursive, InputLimits limits, List<Problem> unusable)
      throws InputLimitException {
    var files = new ManifestFiles(recursive, limits, unusable);
    for (var path : paths) {
      files.add(path);
    }
    return files.found;
  }

  private void add(Path path) throws InputLimitException {
    if (Files.isDirectory(path)) {
      walk(path);
    } else if (Files.isRegularFile(path)) {
      keep(path);
    } else if (Files.isSymbolicLink(path) && !Files.exists(path)) {
      skip(path, "cannot read: a symbolic link to nothing");
    } else if (!Files.exists(path)) {
      skip(path, "no such file or directory");
    } else {
      skip(path, "not a regular file (a device, FIFO or socket): not read");
    }
  }

  private void walk(Path dir) throws InputLimitException {
    var before = found.size();
    try {
      Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, this);
    } catch (IOException e) {
      skip(dir, "cannot read directory: " + e.getMessage());
    }
    if (stop != null) {
      throw stop;
    }
    found.subList(before, found.size()).sort(null);
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
    return count(dir);
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
    var result = count(file);
    if (result != FileVisitResult.CONTINUE || !isYaml(file) || attrs.isDirectory()) {
      return result;
    }
    if (attrs.isRegularFile()) {
      return keepWalking(file);
    }
    skip(
        file,
        attrs.isSymbolicLink()
            ? "cannot read: a symbolic link to nothing"
            : "not a regular file (a device, FIFO or socket): not read");
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) {
    if (e instanceof FileSystemLoopException) {
      skip(file, "symbolic link loop: not followed");
    } else if (!(e instanceof NoSuchFileException) || isYaml(file)) {
      skip(file, "cannot read: " + e);
    }
    return count(file);
  }

  private FileVisitResult count(Path path) {
    if (++entries > limits.maxDirectoryEntries()) {
      stop =
          new InputLimitException(
              "more than %d entries under the given directories: validate fewer at once"
                  .formatted(limits.maxDirectoryEntries()));
      return FileVisitResult.TERMINATE;
    }
    return FileVisitResult.CONTINUE;
  }

  private FileVisitResult keepWalking(Path file) {
    try {
      keep(file);
      return FileVisitResult.CONTINUE;
    } catch (InputLimitException e) {
      stop = e;
      return FileVisitResult.TERMINATE;
    }
  }

  private void keep(Path file) throws InputLimitException {
    if (found.size() >= limits.maxFiles()) {
      throw new InputLimitException(
          "more than %d YAML files: validate fewer at once".formatted(limits.maxFiles()));
    }
    found.add(file);
  }

  private void skip(Path path, String why) {
    unusable.add(Problem.unusable(path.toString(), null, null, why));
  }

  private static boolean isYaml(Path file) {
    var name = file.getFileName() == null ? "" : file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
