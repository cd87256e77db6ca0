package dev.lmi.emulator.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/**
 * Compiles the example handlers under src/test/resources/handlers into a jar, like a user build.
 */
public final class HandlerJar {
  private HandlerJar() {}

  public static void build(Path jar) {
    try {
      var sources = Path.of(HandlerJar.class.getResource("/handlers/example").toURI());
      var classes = Files.createTempDirectory("handler-classes");
      var args = new ArrayList<String>();
      args.addAll(
          java.util.List.of(
              "-d",
              classes.toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "--release",
              "21"));
      try (var files = Files.list(sources)) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
      }
      var status =
          ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
      if (status != 0) {
        throw new IllegalStateException("javac failed: " + status);
      }
      Files.createDirectories(jar.getParent());
      try (var out = new JarOutputStream(Files.newOutputStream(jar));
          var walk = Files.walk(classes)) {
        for (var file : walk.filter(Files::isRegularFile).toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          out.write(Files.readAllBytes(file));
          out.closeEntry();
        }
      }
      try (var walk = Files.walk(classes)) {
        for (var file : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
