package dev.lmi.operator.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Test helper: strings around one valid value, to compare two validators on: the value with each
 * printable ASCII character (and a few others: accented, wide, spaces, line breaks) put before,
 * inside and after it, its prefixes, and its lengths around every bound either side declares.
 */
final class ProbeStrings {
  private static final List<String> OTHERS =
      List.of("é", "ß", "\u00a0", "\t", "\n", "世", "\u2028", "\uD834\uDD1E");

  private ProbeStrings() {}

  static List<String> around(String seed, BotocoreModel.Shape shape, CrdField crd) {
    var probes = new LinkedHashSet<String>();
    probes.add(seed);
    for (var n = 0; n < Math.min(4, seed.length()); n++) {
      probes.add(seed.substring(0, n));
    }
    probes.add(seed.substring(0, seed.length() - 1));
    var mid = seed.length() / 2;
    for (var c : characters()) {
      probes.add(seed + c);
      probes.add(c + seed);
      probes.add(seed.substring(0, mid) + c + seed.substring(mid));
    }
    for (var length : lengths(shape, crd)) {
      probes.add(padded(seed, length, seed.length()));
      probes.add(padded(seed, length, mid));
    }
    return List.copyOf(probes);
  }

  private static List<String> characters() {
    var all = new ArrayList<String>();
    for (var c = 0x20; c < 0x7f; c++) {
      all.add(Character.toString(c));
    }
    all.addAll(OTHERS);
    return all;
  }

  private static List<Integer> lengths(BotocoreModel.Shape shape, CrdField crd) {
    var bounds = new ArrayList<Integer>();
    for (var bound : List.of(shape.min(), shape.max())) {
      bound.ifPresent(b -> bounds.add((int) (double) b));
    }
    var schema = crd.stringSchema();
    for (var key : List.of("minLength", "maxLength")) {
      Optional.ofNullable(schema.get(key)).ifPresent(b -> bounds.add(b.asInt()));
    }
    var lengths = new ArrayList<Integer>();
    for (var b : bounds) {
      for (var l : List.of(b - 1, b, b + 1)) {
        if (l > 0 && l <= 20_000) {
          lengths.add(l);
        }
      }
    }
    return lengths;
  }

  // Repeats the character at 'at' (or before it) until the value is 'length' long.
  private static String padded(String seed, int length, int at) {
    if (seed.isEmpty() || length <= seed.length()) {
      return seed.substring(0, Math.min(length, seed.length()));
    }
    var fill = seed.charAt(Math.max(0, Math.min(at, seed.length()) - 1));
    var pad = String.valueOf(fill).repeat(length - seed.length());
    return seed.substring(0, at) + pad + seed.substring(at);
  }
}
