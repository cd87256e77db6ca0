package dev.lmi.operator.capacity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the fields of one price table, naming the first one that is wrong. */
final class PriceTableReader {
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final List<String> KEYS =
      List.of(
          "name",
          "date",
          "region",
          "currency",
          "source",
          "hoursPerMonth",
          "managementFeePercent",
          "instances");
  private static final List<String> INSTANCE_KEYS =
      List.of("architecture", "memoryGiBPerVCpu", "instanceType", "vCpus", "hourlyUsd");
  private static final List<String> ARCHITECTURES = List.of("arm64", "x86_64");
  private static final List<Integer> RATIOS = List.of(2, 4, 8);

  private final String origin;

  PriceTableReader(String origin) {
    this.origin = origin;
  }

  PriceTable read(String text) throws PriceTableException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw fail("", "not YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw fail("", "not a mapping of " + String.join(", ", KEYS));
    }
    known(root, KEYS, "");
    if (!"USD".equals(text(root, "currency", 3))) {
      throw fail("currency", "must be USD: status.cost.monthlyUsd is in US dollars");
    }
    var hours = integer(root, "hoursPerMonth", 1, 744);
    var fee = decimal(root, "managementFeePercent", "0", "100");
    return new PriceTable(
        text(root, "name", 64),
        text(root, "date", 32),
        text(root, "region", 32),
        "USD",
        text(root, "source", 2000),
        hours,
        fee,
        instances(root.get("instances")));
  }

  private List<InstancePrice> instances(JsonNode list) throws PriceTableException {
    if (list == null || !list.isArray()) {
      throw fail("instances", "required: a list with one price per architecture and ratio");
    }
    var out = new ArrayList<InstancePrice>();
    var seen = new HashSet<String>();
    for (var i = 0; i < list.size(); i++) {
      var at = "instances[" + i + "].";
      var node = list.get(i);
      if (!node.isObject()) {
        throw fail("instances[" + i + "]", "not a mapping of " + String.join(", ", INSTANCE_KEYS));
      }
      known(node, INSTANCE_KEYS, at);
      var price = instance(node, at);
      if (!seen.add(price.architecture() + "/" + price.memoryGiBPerVCpu())) {
        throw fail(
            at + "memoryGiBPerVCpu",
            "a second price for "
                + price.architecture()
                + " at "
                + price.memoryGiBPerVCpu()
                + " GiB/vCPU");
      }
      out.add(price);
    }
    missing(seen);
    return out;
  }

  private InstancePrice instance(JsonNode node, String at) throws PriceTableException {
    var arch = text(node, "architecture", 16, at);
    if (!ARCHITECTURES.contains(arch)) {
      throw fail(at + "architecture", "\"" + arch + "\" is not arm64 or x86_64");
    }
    var ratio = integer(node, "memoryGiBPerVCpu", 2, 8, at);
    if (!RATIOS.contains(ratio)) {
      throw fail(at + "memoryGiBPerVCpu", ratio + " is not 2, 4 or 8");
    }
    return new InstancePrice(
        arch,
        ratio,
        text(node, "instanceType", 32, at),
        integer(node, "vCpus", 1, 1024, at),
        decimal(node, "hourlyUsd", "0.000001", "10000", at));
  }

  private void missing(Set<String> seen) throws PriceTableException {
    for (var arch : ARCHITECTURES) {
      for (var ratio : RATIOS) {
        if (!seen.contains(arch + "/" + ratio)) {
          throw fail(
              "instances",
              "no price for "
                  + arch
                  + " at "
                  + ratio
                  + " GiB/vCPU: list one instance for every architecture and ratio");
        }
      }
    }
  }

  private void known(JsonNode node, List<String> keys, String at) throws PriceTableException {
    for (var it = node.fieldNames(); it.hasNext(); ) {
      var key = it.next();
      if (!keys.contains(key)) {
        throw fail(at + key, "unknown key (known: " + String.join(", ", keys) + ")");
      }
    }
  }

  private String text(JsonNode node, String key, int longest) throws PriceTableException {
    return text(node, key, longest, "");
  }

  private String text(JsonNode node, String key, int longest, String at)
      throws PriceTableException {
    var value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw fail(at + key, "required: a non-empty string");
    }
    if (value.asText().length() > longest) {
      throw fail(at + key, "longer than " + longest + " characters");
    }
    return value.asText();
  }

  private int integer(JsonNode node, String key, int min, int max) throws PriceTableException {
    return integer(node, key, min, max, "");
  }

  private int integer(JsonNode node, String key, int min, int max, String at)
      throws PriceTableException {
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

  private BigDecimal decimal(JsonNode node, String key, String min, String max)
      throws PriceTableException {
    return decimal(node, key, min, max, "");
  }

  private BigDecimal decimal(JsonNode node, String key, String min, String max, String at)
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

  private PriceTableException fail(String field, String message) {
    return new PriceTableException(
        "price table " + origin + (field.isEmpty() ? "" : ": " + field) + ": " + message);
  }
}
