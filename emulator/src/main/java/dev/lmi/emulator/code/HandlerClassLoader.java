package dev.lmi.emulator.code;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.zip.ZipFile;

/**
 * Child-first loader for one execution environment. Only the Lambda core types the emulator itself
 * has ({@code com.amazonaws.services.lambda.runtime.*}) come from the emulator, so that {@code
 * Context} and the handler interfaces are the same classes on both sides.
 */
final class HandlerClassLoader extends URLClassLoader {
  private static final String SHARED = "com.amazonaws.services.lambda.runtime.";
  private final ClassLoader emulator = HandlerClassLoader.class.getClassLoader();

  HandlerClassLoader(Path jar) throws IOException {
    super("lmi-ee", urls(jar), ClassLoader.getPlatformClassLoader());
  }

  /** The archive itself plus any lib/*.jar inside it (the Lambda zip layout for Java). */
  private static URL[] urls(Path archive) throws IOException {
    var urls = new ArrayList<URL>();
    urls.add(archive.toUri().toURL());
    try (var zip = new ZipFile(archive.toFile())) {
      var libs = zip.stream().filter(e -> e.getName().matches("lib/[^/]+\\.jar")).toList();
      if (!libs.isEmpty()) {
        var dir = Files.createTempDirectory("lmi-ee-lib");
        for (var entry : libs) {
          var target = dir.resolve(entry.getName().substring(4));
          try (var in = zip.getInputStream(entry)) {
            Files.copy(in, target);
          }
          urls.add(target.toUri().toURL());
        }
      }
    }
    return urls.toArray(URL[]::new);
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
