package dev.lmi.emulator.code;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.zip.ZipFile;

/**
 * Child-first loader for one execution environment. Only the Lambda core types the emulator itself
 * has ({@code com.amazonaws.services.lambda.runtime.*}) come from the emulator, so that {@code
 * Context} and the handler interfaces are the same classes on both sides.
 */
final class HandlerClassLoader extends URLClassLoader {
  private static final String SHARED = "com.amazonaws.services.lambda.runtime.";
  private final ClassLoader emulator = HandlerClassLoader.class.getClassLoader();
  private final Path libDir;

  HandlerClassLoader(Path jar) throws IOException {
    this(jar, libDir(jar));
  }

  private HandlerClassLoader(Path jar, Path libDir) throws IOException {
    super("lmi-ee", urls(jar, libDir), ClassLoader.getPlatformClassLoader());
    this.libDir = libDir;
  }

  /** A private folder for the archive's lib/*.jar, or null when it has none. */
  private static Path libDir(Path archive) throws IOException {
    try (var zip = new ZipFile(archive.toFile())) {
      var libs = zip.stream().anyMatch(e -> e.getName().matches("lib/[^/]+\\.jar"));
      return libs ? Files.createTempDirectory("lmi-ee-lib") : null;
    }
  }

  /** The archive itself plus any lib/*.jar inside it (the Lambda zip layout for Java). */
  private static URL[] urls(Path archive, Path libDir) throws IOException {
    var urls = new ArrayList<URL>();
    urls.add(archive.toUri().toURL());
    if (libDir == null) {
      return urls.toArray(URL[]::new);
    }
    try (var zip = new ZipFile(archive.toFile())) {
      for (var entry : zip.stream().filter(e -> e.getName().matches("lib/[^/]+\\.jar")).toList()) {
        var target = libDir.resolve(entry.getName().substring(4));
        try (var in = zip.getInputStream(entry)) {
          Files.copy(in, target);
        }
        urls.add(target.toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }

  /** Closing the environment's loader also removes the libraries it extracted. */
  @Override
  public void close() throws IOException {
    super.close();
    if (libDir != null) {
      try (var files = Files.walk(libDir)) {
        for (var p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SHARED)) {
      try {
        return emulator.loadClass(name);
      } catch (ClassNotFoundException e) {
        // e.g. runtime.events.* is bundled by the handler jar, not by the emulator
      }
    }
    return super.loadClass(name, resolve);
  }
}
