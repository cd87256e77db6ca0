package dev.lmi.operator.validation;

/** Builds field paths the way the API server prints them: {@code spec.vpc.subnetIds[2]}. */
final class FieldPaths {
  private FieldPaths() {}

  static String child(String base, String field) {
    return base.isEmpty() ? field : base + "." + field;
  }

  static String index(String base, int index) {
    return base + "[" + index + "]";
  }

  static String key(String base, String key) {
    return base + "[" + key + "]";
  }

  /** Appends a CEL rule's {@code fieldPath} (".awsName", ".subnetIds[1]") to the rule's node. */
  static String relative(String base, String fieldPath) {
    var rel = fieldPath.startsWith(".") ? fieldPath.substring(1) : fieldPath;
    if (base.isEmpty() || rel.startsWith("[")) {
      return base + rel;
    }
    return base + "." + rel;
  }
}
