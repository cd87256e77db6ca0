package dev.lmi.emulator.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small in-memory zip files for function code. */
public final class Zips {
  private Zips() {}

  public static byte[] tiny() {
    return zip("app.py", "def handler(event, context):\n    return event\n");
  }

  public static byte[] zip(String name, String content) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      var entry = new ZipEntry(name);
      entry.setTime(946684800000L); // fixed timestamp: same bytes, same CodeSha256, on every call
      zip.putNextEntry(entry);
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
