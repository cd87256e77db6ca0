package dev.lmi.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Just enough of the ustar format to make a base image archive and read an image archive. */
final class TinyTar {
  /** An entry as read: its bytes and its header's mode, owner ids and modification time. */
  record Entry(byte[] data, int mode, int uid, int gid, long mtime) {}

  private TinyTar() {}

  static byte[] write(Map<String, byte[]> files) throws IOException {
    var out = new ByteArrayOutputStream();
    for (var e : files.entrySet()) {
      var header = new byte[512];
      put(header, 0, e.getKey());
      put(header, 100, "0000644");
      put(header, 108, "0000000");
      put(header, 116, "0000000");
      put(header, 124, String.format("%011o", e.getValue().length));
      put(header, 136, "00000000000");
      header[156] = '0';
      put(header, 257, "ustar");
      put(header, 263, "00");
      java.util.Arrays.fill(header, 148, 156, (byte) ' ');
      var sum = 0;
      for (var b : header) {
        sum += b & 0xff;
      }
      put(header, 148, String.format("%06o", sum));
      header[154] = 0;
      out.write(header);
      out.write(e.getValue());
      out.write(new byte[(512 - e.getValue().length % 512) % 512]);
    }
    out.write(new byte[1024]);
    return out.toByteArray();
  }

  static Map<String, Entry> read(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  static Map<String, Entry> readGzipped(byte[] data) throws IOException {
    return read(new GZIPInputStream(new java.io.ByteArrayInputStream(data)));
  }

  private static Map<String, Entry> read(InputStream in) throws IOException {
    var out = new LinkedHashMap<String, Entry>();
    while (true) {
      var header = in.readNBytes(512);
      if (header.length < 512 || header[0] == 0) {
        return out;
      }
      var name =
          text(header, 345, 155).isEmpty()
              ? text(header, 0, 100)
              : text(header, 345, 155) + "/" + text(header, 0, 100);
      var size = octal(header, 124, 12);
      var data = in.readNBytes((int) size);
      in.readNBytes((int) ((512 - size % 512) % 512));
      out.put(
          name,
          new Entry(
              data,
              (int) octal(header, 100, 8),
              (int) octal(header, 108, 8),
              (int) octal(header, 116, 8),
              octal(header, 136, 12)));
    }
  }

  private static void put(byte[] header, int at, String value) {
    var bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, at, bytes.length);
  }

  private static String text(byte[] header, int at, int length) {
    var end = at;
    while (end < at + length && header[end] != 0) {
      end++;
    }
    return new String(header, at, end - at, StandardCharsets.US_ASCII);
  }

  private static long octal(byte[] header, int at, int length) {
    var s = text(header, at, length).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }
}
