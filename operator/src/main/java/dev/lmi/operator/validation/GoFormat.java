package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values printed as the API server (Go) prints them in field errors: numbers and booleans bare
 * ({@code %v}), strings quoted ({@code %q}), so messages read the same as on a real cluster.
 */
final class GoFormat {
  private GoFormat() {}

  static String value(JsonNode value) {
    if (value.isTextual()) {
      return quote(value.asText());
    }
    if (value.isNumber()) {
      return number(value);
    }
    return value.isBoolean() ? value.asText() : value.toString();
  }

  /** {@code %v} of a JSON number: integers without a fraction, 128.0 as 128. */
  static String number(JsonNode number) {
    if (number.isIntegralNumber()) {
      return number.bigIntegerValue().toString();
    }
    return number.decimalValue().stripTrailingZeros().toPlainString();
  }

  /** Go's strconv.Quote for the characters a manifest can hold. */
  static String quote(String s) {
    var out = new StringBuilder("\"");
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
