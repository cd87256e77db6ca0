package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types scalars as kubectl does (its YAML 1.1 library, then JSON): {@code yes}, {@code on} and
 * {@code y} are true, {@code 0x1F} and {@code 1_000} are integers, {@code 012} is octal, a whole
 * float such as {@code 2048.0} reaches the API server as {@code 2048}, timestamps stay strings.
 * Quoted and block scalars are always strings.
 */
final class YamlScalars {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String TAG = "tag:yaml.org,2002:";
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> NOT_JSON =
      Set.of(
          ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
          "-.Inf", "-.INF");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INTEGER =
      Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)");
  private static final BigDecimal JSON_EXPONENT_FROM = new BigDecimal("1e21");

  private YamlScalars() {}

  /**
   * The JSON value of a scalar. {@code tag} is the explicit tag or null; {@code plain} is false for
   * quoted and block scalars.
   */
  static JsonNode resolve(String value, String tag, boolean plain) throws IllegalArgumentException {
    if (tag == null || "!".equals(tag)) {
      return plain && tag == null ? plainValue(value) : JSON.textNode(value);
    }
    return switch (tag.startsWith(TAG) ? tag.substring(TAG.length()) : "") {
      case "null" -> checked(NULLS.contains(value), JSON.nullNode(), value, "null");
      case "bool" ->
          checked(
              TRUES.contains(value) || FALSES.contains(value), plainValue(value), value, "bool");
      case "int" -> checked(isInteger(value), plainValue(value), value, "int");
      case "float" -> checked(isNumber(value), plainValue(value), value, "float");
      default -> JSON.textNode(value);
    };
  }

  private static JsonNode plainValue(String value) {
    if (NULLS.contains(value)) {
      return JSON.nullNode();
    }
    if (TRUES.contains(value) || FALSES.contains(value)) {
      return JSON.booleanNode(TRUES.contains(value));
    }
    if (NOT_JSON.contains(value)) {
      throw new IllegalArgumentException(value + " (infinity or NaN) cannot be sent as JSON");
    }
    var digits = value.replace("_", "");
    if (!digits.isEmpty() && INTEGER.matcher(digits).matches()) {
      return integer(digits);
    }
    if (!digits.isEmpty() && FLOAT.matcher(digits).matches()) {
      return number(new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits));
    }
    return JSON.textNode(value);
  }

  private static JsonNode integer(String digits) {
    var negative = digits.startsWith("-");
    var unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
    var lower = unsigned.toLowerCase();
    BigInteger magnitude;
    if (lower.startsWith("0x")) {
      magnitude = new BigInteger(unsigned.substring(2), 16);
    } else if (lower.startsWith("0o")) {
      magnitude = new BigInteger(unsigned.substring(2), 8);
    } else if (lower.startsWith("0b")) {
      magnitude = new BigInteger(unsigned.substring(2), 2);
    } else if (unsigned.length() > 1 && unsigned.startsWith("0")) {
      magnitude = new BigInteger(unsigned.substring(1), 8);
    } else {
      magnitude = new BigInteger(unsigned);
    }
    var n = negative ? magnitude.negate() : magnitude;
    return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : number(new BigDecimal(n));
  }

  // JSON has one number type: a whole value prints without a fraction, as Go's encoder prints it.
  private static JsonNode number(BigDecimal n) {
    if (n.abs().compareTo(JSON_EXPONENT_FROM) < 0 && n.stripTrailingZeros().scale() <= 0) {
      var whole = n.toBigIntegerExact();
      return whole.bitLength() < 64 ? JSON.numberNode(whole.longValue()) : JSON.numberNode(whole);
    }
    return JSON.numberNode(n.doubleValue());
  }

  private static boolean isInteger(String value) {
    var digits = value.replace("_", "");
    return !digits.isEmpty() && INTEGER.matcher(digits).matches();
  }

  private static boolean isNumber(String value) {
    var digits = value.replace("_", "");
    return isInteger(value) || (!digits.isEmpty() && FLOAT.matcher(digits).matches());
  }

  private static JsonNode checked(boolean ok, JsonNode node, String value, String type) {
    if (!ok) {
      throw new IllegalArgumentException("\"" + value + "\" is not a valid !!" + type);
    }
    return node;
  }
}
