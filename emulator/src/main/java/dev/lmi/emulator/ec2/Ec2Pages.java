package dev.lmi.emulator.ec2;

import dev.lmi.emulator.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** MaxResults/NextToken paging of EC2 describe calls, with opaque tokens. */
final class Ec2Pages {
  /** EC2 returns at most 1,000 items per page, whatever MaxResults asks for. */
  static final int MOST = 1000;

  private Ec2Pages() {}

  /** One page of items and the token of the next page (null on the last page). */
  record Page<T>(List<T> items, String nextToken) {}

  static <T> Page<T> page(List<T> all, QueryParams q) {
    var start = q.get("NextToken") == null ? 0 : decode(q.get("NextToken"));
    var asked = q.get("MaxResults") == null ? MOST : Long.parseLong(q.get("MaxResults").trim());
    var size = (int) Math.max(1, Math.min(MOST, asked));
    var end = Math.min(all.size(), start + size);
    var items = start >= all.size() ? List.<T>of() : all.subList(start, end);
    return new Page<>(List.copyOf(items), end < all.size() ? encode(end) : null);
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .encodeToString(("lmi-emulator:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("lmi-emulator:")) {
        throw new IllegalArgumentException(text);
      }
      return Integer.parseInt(text.substring("lmi-emulator:".length()));
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          400,
          "InvalidPaginationToken",
          "The specified pagination token is not valid or is expired.");
    }
  }
}
