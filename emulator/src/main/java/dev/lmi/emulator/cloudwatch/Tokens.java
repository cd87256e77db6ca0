package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque paging tokens: an offset into a sorted listing, refused when tampered with. */
final class Tokens {
  private static final String PREFIX = "lmi-emulator:";

  private Tokens() {}

  /**
   * The page of a sorted listing a request asks for: at most {@code size} items from its token's
   * offset; sets {@code NextToken} in the answer when more follow.
   */
  static <T> List<T> page(
      List<T> all, String operation, JsonNode request, int size, ObjectNode out) {
    var offset =
        (int) Math.min(all.size(), decode(operation, request.path("NextToken").asText(null)));
    var end = Math.min(all.size(), offset + size);
    if (end < all.size()) {
      out.put("NextToken", encode(operation, end));
    }
    return all.subList(offset, end);
  }

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
