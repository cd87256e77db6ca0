package dev.lmi.emulator.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder that stands in for S3: {@code s3://bucket/key} is {@code <dir>/bucket/key}, and no
 * spelling of a key reaches anything outside it. Keys are resolved lexically (no absolute keys, no
 * climbing with {@code ..}), then every folder on the way is resolved through its links and must
 * still be inside. The file itself may be a link, as the local mode links the handler jars in.
 */
final class CodeDir {
  private final Path root;

  CodeDir(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The regular file holding this object, or empty when there is none inside the folder. */
  Optional<Path> object(String bucket, String key) {
    var lexical = root.resolve(bucket).normalize();
    if (!lexical.startsWith(root) || lexical.equals(root) || key.startsWith("/")) {
      return Optional.empty();
    }
    var file = lexical.resolve(key).normalize();
    if (!file.startsWith(lexical) || file.equals(lexical)) {
      return Optional.empty();
    }
    try {
      var realRoot = root.toRealPath();
      var realParent = file.getParent().toRealPath();
      var inside = realParent.startsWith(realRoot) && !realParent.equals(realRoot);
      return inside && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
