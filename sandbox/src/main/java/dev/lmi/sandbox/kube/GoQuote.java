package dev.lmi.sandbox.kube;

/** Go's {@code %q} (strconv.Quote), which the API server uses for names and values in messages. */
final class GoQuote {
  private GoQuote() {}

  static String quote(String s) {
    var out = new StringBuilder(s.length() + 2).append('"');
    for (var i = 0; i < s.length(); i++) {
      var c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
