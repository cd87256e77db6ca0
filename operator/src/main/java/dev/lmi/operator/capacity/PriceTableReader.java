package dev.lmi.operator.capacity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks one price table, naming the first field that is wrong. */
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

  private final YamlFields fields;

  PriceTableReader(String origin) {
    this.fields = new YamlFields(origin);
  }

  PriceTable read(String text) throws PriceTableException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw fields.fail("", "not YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw fields.fail("", "not a mapping of " + String.join(", ", KEYS));
    }
    fields.known(root, KEYS, "");
    if (!"USD".equals(fields.text(root, "currency", 3, ""))) {
      throw fields.fail("currency", "must be USD: status.cost.monthlyUsd is in US dollars");
    }
    return new PriceTable(
        fields.text(root, "name", 64, ""),
        fields.text(root, "date", 32, ""),
        fields.text(root, "region", 32, ""),
        "USD",
        fields.text(root, "source", 2000, ""),
        fields.integer(root, "hoursPerMonth", 1, 744, ""),
        fields.decimal(root, "managementFeePercent", "0", "100", ""),
        instances(root.get("instances")));
  }

  private List<InstancePrice> instances(JsonNode list) throws PriceTableException {
    if (list == null || !list.isArray()) {
      throw fields.fail("instances", "required: a list with one price per architecture and ratio");
    }
    var out = new ArrayList<InstancePrice>();
    var seen = new HashSet<String>();
    for (var i = 0; i < list.size(); i++) {
      var at = "instances[" + i + "].";
      if (!list.get(i).isObject()) {
        throw fields.fail(
            "instances[" + i + "]", "not a mapping of " + String.join(", ", INSTANCE_KEYS));
      }
      fields.known(list.get(i), INSTANCE_KEYS, at);
      var price = instance(list.get(i), at);
      if (!seen.add(price.architecture() + "/" + price.memoryGiBPerVCpu())) {
        throw fields.fail(
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
    var arch = fields.text(node, "architecture", 16, at);
    if (!ARCHITECTURES.contains(arch)) {
      throw fields.fail(at + "architecture", "\"" + arch + "\" is not arm64 or x86_64");
    }
    var ratio = fields.integer(node, "memoryGiBPerVCpu", 2, 8, at);
    if (!RATIOS.contains(ratio)) {
      throw fields.fail(at + "memoryGiBPerVCpu", ratio + " is not 2, 4 or 8");
    }
    return new InstancePrice(
        arch,
        ratio,
        fields.text(node, "instanceType", 32, at),
        fields.integer(node, "vCpus", 1, 1024, at),
        fields.decimal(node, "hourlyUsd", "0.000001", "10000", at));
  }

  private void missing(Set<String> seen) throws PriceTableException {
    for (var arch : ARCHITECTURES) {
      for (var ratio : RATIOS) {
        if (!seen.contains(arch + "/" + ratio)) {
          throw fields.fail(
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
}
