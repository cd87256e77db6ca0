package dev.lmi.emulator.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque paging tokens: an offset into a sorted listing, refused when tampered with. */
final class Tokens {
  private static final String PREFIX = "lmi-emulator:";

  private Tokens() {}

  static String encode(String operation, long offset) {
    var text = PREFIX + operation + ":" + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a token of this operation carries; null token = 0; else InvalidNextToken. */
  static long decode(String operation, String token) {
    if (token == null) {
      return 0;
    }
    try {
      var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      var head = PREFIX + operation + ":";
      if (text.startsWith(head)) {
        var offset = Long.parseLong(text.substring(head.length()));
        if (offset >= 0 && offset < 1L << 40) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw CloudWatchErrors.nextToken();
  }
}
