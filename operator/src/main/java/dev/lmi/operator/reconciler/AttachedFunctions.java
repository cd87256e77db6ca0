package dev.lmi.operator.reconciler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Says which functions hold a capacity provider: its attached versions, grouped by owner. */
final class AttachedFunctions {
  private static final int NAMED = 20;

  private AttachedFunctions() {}

  /**
   * @param versionArns the attached function versions (arn:...:function:name:version)
   * @param objects "namespace/name" of the LmiFunctions naming the provider, by AWS name
   */
  static String describe(String provider, List<String> versionArns, Map<String, String> objects) {
    var managed = new TreeMap<String, Integer>();
    var unmanaged = new TreeMap<String, Integer>();
    for (var arn : versionArns) {
      var name = functionName(arn);
      var object = objects.get(name);
      if (object != null) {
        managed.merge("LmiFunction " + object, 1, Integer::sum);
      } else {
        unmanaged.merge(name, 1, Integer::sum);
      }
    }
    var out =
        new StringBuilder("waiting for ")
            .append(versionArns.size())
            .append(" function version(s) to detach before deleting ")
            .append(provider);
    if (!managed.isEmpty()) {
      out.append(": delete ").append(list(managed));
    }
    if (!unmanaged.isEmpty()) {
      out.append(managed.isEmpty() ? ": " : "; ")
          .append("functions no LmiFunction here manages: ")
          .append(list(unmanaged))
          .append(" (delete them in AWS, or from the cluster that manages them)");
    }
    return out.toString();
  }

  private static String list(Map<String, Integer> counts) {
    var named =
        counts.entrySet().stream()
            .limit(NAMED)
            .map(e -> e.getKey() + " (" + e.getValue() + ")")
            .collect(Collectors.joining(", "));
    return counts.size() > NAMED ? named + " and " + (counts.size() - NAMED) + " more" : named;
  }

  /** The function's name in a (qualified) function ARN. */
  static String functionName(String arn) {
    var parts = arn.split(":");
    return parts.length > 6 ? parts[6] : arn;
  }
}
