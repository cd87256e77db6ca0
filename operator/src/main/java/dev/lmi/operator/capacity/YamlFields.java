package dev.lmi.operator.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** Typed reads of one price table's fields, each failing with the file and the field named. */
final class YamlFields {
  private final String origin;

  YamlFields(String origin) {
    this.origin = origin;
  }

  void known(JsonNode node, List<String> keys, String at) throws PriceTableException {
    for (var it = node.fieldNames(); it.hasNext(); ) {
      var key = it.next();
      if (!keys.contains(key)) {
        throw fail(at + key, "unknown key (known: " + String.join(", ", keys) + ")");
      }
    }
  }

  String text(JsonNode node, String key, int longest, String at) throws PriceTableException {
    var value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw fail(at + key, "required: a non-empty string");
    }
    if (value.asText().length() > longest) {
      throw fail(at + key, "longer than " + longest + " characters");
    }
    return value.asText();
  }

  int integer(JsonNode node, String key, int min, int max, String at) throws PriceTableException {
    var value = node.get(key);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.asInt() < min
        || value.asInt() > max) {
      throw fail(at + key, "required: a whole number from " + min + " to " + max);
    }
    return value.asInt();
  }

  BigDecimal decimal(JsonNode node, String key, String min, String max, String at)
      throws PriceTableException {
    var value = node.get(key);
    BigDecimal number;
    try {
      number = value == null || value.isContainerNode() ? null : new BigDecimal(value.asText());
    } catch (NumberFormatException e) {
      number = null;
    }
    if (number == null
        || number.compareTo(new BigDecimal(min)) < 0
        || number.compareTo(new BigDecimal(max)) > 0) {
      throw fail(
          at + key,
          "required: a decimal number from "
              + min
              + " to "
              + max
              + " (a string such as \"0.0816\" keeps every digit)");
    }
    return number;
  }

  PriceTableException fail(String field, String message) {
    return new PriceTableException(
        "price table " + origin + (field.isEmpty() ? "" : ": " + field) + ": " + message);
  }
}
