package dev.lmi.emulator.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the flattened lists and filters of the EC2 query protocol (Name.N, Filter.N.Value.M). */
final class QueryParams {
  private final Map<String, String> params;

  QueryParams(Map<String, String> params) {
    this.params = params;
  }

  String get(String name) {
    return params.get(name);
  }

  /** Values of Prefix.1, Prefix.2, ... in order. */
  List<String> list(String prefix) {
    var values = new ArrayList<String>();
    for (var i = 1; params.containsKey(prefix + "." + i); i++) {
      values.add(params.get(prefix + "." + i));
    }
    return values;
  }

  /** Filter.N.Name → its values. */
  Map<String, List<String>> filters() {
    var filters = new LinkedHashMap<String, List<String>>();
    for (var i = 1; params.containsKey("Filter." + i + ".Name"); i++) {
      filters.put(params.get("Filter." + i + ".Name"), list("Filter." + i + ".Value"));
    }
    return filters;
  }

  /** Tags of TagSpecification.N.Tag.M.Key/Value. */
  Map<String, String> tagSpecifications() {
    var tags = new LinkedHashMap<String, String>();
    for (var i = 1; params.containsKey("TagSpecification." + i + ".ResourceType"); i++) {
      var p = "TagSpecification." + i + ".Tag.";
      for (var j = 1; params.containsKey(p + j + ".Key"); j++) {
        tags.put(params.get(p + j + ".Key"), params.getOrDefault(p + j + ".Value", ""));
      }
    }
    return tags;
  }
}
