package dev.lmi.sandbox.kube;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Reads the protobuf wire format, field by field: enough to take apart the few request bodies
 * kubectl sends as protobuf ({@link ProtobufBodies}). Malformed input is an
 * IllegalArgumentException.
 */
final class ProtobufReader {
  private final byte[] bytes;
  private int at;
  private final int end;

  ProtobufReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.at = from;
    this.end = to;
  }

  /** One field: its number, and its bytes when length-delimited (null for numbers). */
  record Field(int number, ProtobufReader value) {
    String text() {
      return new String(value.bytes, value.at, value.end - value.at, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
      var out = new byte[value.end - value.at];
      System.arraycopy(value.bytes, value.at, out, 0, out.length);
      return out;
    }
  }

  /** Calls back for each length-delimited field (strings, bytes, messages); skips the others. */
  void forEach(java.util.function.Consumer<Field> each) {
    while (at < end) {
      var tag = varint();
      var number = (int) (tag >>> 3);
      switch ((int) (tag & 7)) {
        case 0 -> varint();
        case 1 -> skip(8);
        case 5 -> skip(4);
        case 2 -> {
          var length = (int) varint();
          if (length < 0 || at + length > end) {
            throw new IllegalArgumentException("field " + number + " runs past the message");
          }
          each.accept(new Field(number, new ProtobufReader(bytes, at, at + length)));
          at += length;
        }
        default -> throw new IllegalArgumentException("unsupported wire type in field " + number);
      }
    }
  }

  /** A map field's entry: key (field 1) and value (field 2), both length-delimited. */
  void entry(BiConsumer<String, Field> each) {
    var key = new String[] {""};
    var value = new Field[1];
    forEach(
        f -> {
          if (f.number() == 1) {
            key[0] = f.text();
          } else if (f.number() == 2) {
            value[0] = f;
          }
        });
    if (value[0] != null) {
      each.accept(key[0], value[0]);
    }
  }

  private long varint() {
    long value = 0;
    for (var shift = 0; shift < 64; shift += 7) {
      if (at >= end) {
        throw new IllegalArgumentException("truncated varint");
      }
      var b = bytes[at++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  private void skip(int n) {
    if (at + n > end) {
      throw new IllegalArgumentException("truncated field");
    }
    at += n;
  }
}
