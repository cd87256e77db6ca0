package dev.lmi.operator.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping or sequence being composed. A mapping takes keys and values in turn, rejects a key
 * written twice, and resolves merge keys ({@code <<: *base}) the YAML way: keys written in the
 * mapping win, then the merged mappings in the order given.
 */
final class YamlFrame {
  private final boolean mapping;
  private final Position at;
  private final String anchor;
  private final List<YamlNode> items = new ArrayList<>();
  private final Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
  private final List<YamlNode> merged = new ArrayList<>();
  private YamlNode key;
  private boolean keyIsMerge;

  YamlFrame(boolean mapping, Position at, String anchor) {
    this.mapping = mapping;
    this.at = at;
    this.anchor = anchor;
  }

  Position at() {
    return at;
  }

  String anchor() {
    return anchor;
  }

  void add(YamlNode node, boolean mergeKey) throws UnusableInputException {
    if (!mapping) {
      items.add(node);
    } else if (key == null) {
      key = node;
      keyIsMerge = mergeKey;
    } else {
      var k = key;
      key = null;
      if (keyIsMerge) {
        merge(node);
      } else {
        put(k, node);
      }
    }
  }

  YamlNode build() {
    if (!mapping) {
      return YamlNode.sequence(at, items);
    }
    var all = new LinkedHashMap<>(entries);
    for (var source : merged) {
      for (var e : source.entries()) {
        all.putIfAbsent(e.key(), e);
      }
    }
    return YamlNode.mapping(at, new ArrayList<>(all.values()));
  }

  private void put(YamlNode keyNode, YamlNode value) throws UnusableInputException {
    var name = keyNode.text();
    if (name == null) {
      throw new UnusableInputException(
          "not valid YAML: a mapping key must be a string, number or boolean", keyNode.at());
    }
    var first = entries.get(name);
    if (first != null) {
      throw new UnusableInputException(
          "not valid YAML: duplicate key \"%s\" (first at line %d)"
              .formatted(name, first.at().line()),
          keyNode.at());
    }
    entries.put(name, new YamlNode.Entry(name, keyNode.at(), value));
  }

  private void merge(YamlNode value) throws UnusableInputException {
    if (value.isMapping()) {
      merged.add(value);
      return;
    }
    if (value.isSequence() && value.items().stream().allMatch(YamlNode::isMapping)) {
      merged.addAll(value.items());
      return;
    }
    throw new UnusableInputException(
        "not valid YAML: a merge key (<<) takes a mapping or a list of mappings", value.at());
  }
}
