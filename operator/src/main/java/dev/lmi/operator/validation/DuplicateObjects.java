package dev.lmi.operator.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Two documents that declare the same object (API group, kind, namespace and name): one of them
 * silently replaces the other at apply time, which is never what the author meant.
 */
final class DuplicateObjects {
  private DuplicateObjects() {}

  static List<Problem> find(List<CheckedObject> objects) {
    var first = new HashMap<String, CheckedObject>();
    var problems = new ArrayList<Problem>();
    for (var object : objects) {
      if (object.name().isEmpty()) {
        continue;
      }
      var group = object.kind().apiVersion().split("/")[0];
      var id =
          String.join(
              "\u0000", group, object.kind().kind(), "" + object.namespace(), object.name());
      var earlier = first.putIfAbsent(id, object);
      if (earlier != null) {
        var at = earlier.at("metadata.name");
        var who =
            object.namespace() == null ? object.name() : object.namespace() + "/" + object.name();
        var message =
            "%s %s is also declared at %s:%d:%d (document %d): only one of them would be applied"
                .formatted(
                    object.kind().kind(),
                    who,
                    earlier.file(),
                    at.line(),
                    at.column(),
                    earlier.document());
        problems.add(object.problem(new Violation("metadata.name", message)));
      }
    }
    return problems;
  }
}
