package dev.lmi.emulator.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Marker/MaxItems pagination with opaque markers. */
final class Pager {
  private Pager() {}

  /** One page and the marker of the next page (null on the last page). */
  record Page<T>(List<T> items, String nextMarker) {}

  static <T> Page<T> page(List<T> all, String marker, Integer maxItems, int defaultMax) {
    var start = marker == null || marker.isEmpty() ? 0 : decode(marker);
    var size = maxItems == null ? defaultMax : maxItems;
    var end = Math.min(all.size(), start + size);
    var items = start >= all.size() ? List.<T>of() : all.subList(start, end);
    return new Page<>(List.copyOf(items), end < all.size() ? encode(end) : null);
  }

  private static String encode(int offset) {
    var text = "lmi-emulator:" + offset;
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String marker) {
    try {
      var text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
      return Integer.parseInt(text.substring(text.indexOf(':') + 1));
    } catch (RuntimeException e) {
      throw LambdaErrors.invalid("Invalid marker: " + marker);
    }
  }
}
