package dev.lmi.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/** Compiles a handler that answers {} into a jar the emulator runs, as a user's build would. */
public final class HandlerCode {
  public static final String HANDLER = "probe.Ok::handleRequest";

  private static final String SOURCE =
      """
      package probe;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
      import java.io.InputStream;
      import java.io.OutputStream;

      public class Ok implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context)
            throws java.io.IOException {
          in.readAllBytes();
          out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      """;

  private HandlerCode() {}

  public static void write(Path jar) {
    try {
      var src = Files.createTempDirectory("handler-src");
      var classes = Files.createTempDirectory("handler-classes");
      var file = Files.createDirectories(src.resolve("probe")).resolve("Ok.java");
      Files.writeString(file, SOURCE);
      var args =
          List.of(
              "-d",
              classes.toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "--release",
              "21",
              file.toString());
      var status =
          ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
      if (status != 0) {
        throw new IllegalStateException("javac failed: " + status);
      }
      Files.createDirectories(jar.getParent());
      try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
        out.putNextEntry(new JarEntry("probe/Ok.class"));
        out.write(Files.readAllBytes(classes.resolve("probe/Ok.class")));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
