package dev.lmi.operator.validation;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a stream into documents at "---" lines, as kubectl does, keeping at most {@code
 * maxDocumentBytes} (UTF-8) of each: a larger document is read to its end but not kept. Memory
 * stays bounded whatever the stream holds, one line or a million.
 */
final class DocumentSplitter {
  /** One document's text (null when it was too large), its first line and its UTF-8 size. */
  record Piece(String text, int firstLine, long bytes) {}

  private static final int SEPARATOR_WINDOW = 4096;

  private final Reader in;
  private final long maxDocumentBytes;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int line = 1;
  private int pending = -2;
  private boolean done;
  private boolean lineKeptWhole;

  DocumentSplitter(Reader in, long maxDocumentBytes) {
    this.in = in;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** The line being read: where a decoding error happened. */
  int line() {
    return line;
  }

  /** The next piece, or null at the end of the stream. */
  Piece next() throws IOException {
    if (done) {
      return null;
    }
    var text = new StringBuilder();
    var first = line;
    var bytes = 0L;
    while (true) {
      var lineStart = text.length();
      var lineBytes = readLine(text, maxDocumentBytes - bytes);
      if (lineBytes < 0) {
        done = true;
        return new Piece(bytes > maxDocumentBytes ? null : text.toString(), first, bytes);
      }
      if (lineKeptWhole && isSeparator(text, lineStart)) {
        text.setLength(lineStart);
        line++;
        return new Piece(bytes > maxDocumentBytes ? null : text.toString(), first, bytes);
      }
      bytes += lineBytes;
      if (bytes > maxDocumentBytes) {
        // Keep only the start of each further line, enough to find the next separator.
        text.setLength(Math.min(text.length(), lineStart));
      }
      line++;
    }
  }

  /**
   * Appends one line (with its line break) to {@code text}, keeping at most {@code room} bytes of
   * it and never fewer than the separator window; returns its size in bytes, or -1 at the end.
   */
  private long readLine(StringBuilder text, long room) throws IOException {
    var keep = Math.max(room, SEPARATOR_WINDOW);
    var bytes = 0L;
    var kept = 0L;
    lineKeptWhole = true;
    while (true) {
      var c = pending != -2 ? pending : read();
      pending = -2;
      if (c < 0) {
        return bytes == 0 ? -1 : bytes;
      }
      var size = utf8Size(c);
      bytes += size;
      if (kept + size <= keep) {
        text.append((char) c);
        kept += size;
      } else {
        lineKeptWhole = false;
      }
      if (c == '\n') {
        return bytes;
      }
      if (c == '\r') {
        var next = read();
        if (next != '\n') {
          pending = next;
          return bytes;
        }
        pending = next;
      }
    }
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  // kubectl: a line that starts with "---" followed by nothing but blanks or a comment.
  private static boolean isSeparator(StringBuilder text, int start) {
    if (text.length() - start < 3 || !text.substring(start, start + 3).equals("---")) {
      return false;
    }
    var rest = text.substring(start + 3).strip();
    return rest.isEmpty() || rest.startsWith("#");
  }

  private static int utf8Size(int c) {
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800 || Character.isSurrogate((char) c)) {
      return 2;
    }
    return 3;
  }
}
