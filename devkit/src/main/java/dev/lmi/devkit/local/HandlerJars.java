package dev.lmi.devkit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The handler module's jars, and the emulator code directory that serves them as S3 objects: {@code
 * s3://lmi-local-code/<jar>} is {@code <codeDir>/lmi-local-code/<jar>}, a symbolic link.
 */
record HandlerJars(Path dir) {
  static final String BUCKET = "lmi-local-code";
  static final List<String> FUNCTION_JARS =
      List.of("orders-handler.jar", "similarity-handler-local.jar");
  static final String TOOLS_JAR = "lmi-handler-tools.jar";

  /** Checks that every jar the local mode needs is there, naming the build that makes them. */
  static HandlerJars in(Path dir) {
    for (var jar : concat(FUNCTION_JARS, TOOLS_JAR)) {
      if (!Files.isRegularFile(dir.resolve(jar))) {
        throw new IllegalStateException(
            "missing "
                + dir.resolve(jar)
                + ": build the handler jars first (mvn -pl handler package, or ./dev local)");
      }
    }
    return new HandlerJars(dir.toAbsolutePath().normalize());
  }

  Path tools() {
    return dir.resolve(TOOLS_JAR);
  }

  /** Creates the code directory under parent and returns it. */
  Path codeDir(Path parent) {
    var code = parent.resolve("code");
    try {
      var bucket = Files.createDirectories(code.resolve(BUCKET));
      for (var jar : FUNCTION_JARS) {
        Files.createSymbolicLink(bucket.resolve(jar), dir.resolve(jar));
      }
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the emulator code directory", e);
    }
  }

  private static List<String> concat(List<String> list, String one) {
    return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(one)).toList();
  }
}
