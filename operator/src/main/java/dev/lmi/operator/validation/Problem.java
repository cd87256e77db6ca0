package dev.lmi.operator.validation;

/**
 * One entry of a validate report: a broken rule in an object (its kind, namespace, name and field
 * path), a warning about one ({@code warning}: the object is valid, but something will not work as
 * written, e.g. a maximum the capacity provider cannot hold), or input that could not be checked at
 * all ({@code unusable}, where kind, name and path are null). {@code line} and {@code column}
 * (1-based) locate it in {@code file}; they are null only for input that has no position (a whole
 * file, or the run itself).
 */
public record Problem(
    String file,
    Integer line,
    Integer column,
    Integer document,
    String kind,
    String namespace,
    String name,
    String path,
    String message,
    boolean unusable,
    boolean warning) {

  /** Input that could not be checked, where it is known. */
  static Problem unusable(String file, Position at, Integer document, String message) {
    return new Problem(
        file,
        at == null ? null : at.line(),
        at == null ? null : at.column(),
        document,
        null,
        null,
        null,
        null,
        message,
        true,
        false);
  }

  /**
   * {@code <file>:<line>:<column>: <Kind>/<namespace/name>: <field path>: <message>} for a broken
   * rule, the same with {@code warning: } before the object for a warning; {@code
   * <file>:<line>:<column>: <message>} for unusable input.
   */
  public String toLine() {
    var where = file == null ? "" : file + (line == null ? "" : ":" + line + ":" + column) + ": ";
    if (unusable) {
      return where + message;
    }
    var object = namespace == null ? name : namespace + "/" + name;
    var at = path == null || path.isEmpty() ? "(object)" : path;
    return where + (warning ? "warning: " : "") + kind + "/" + object + ": " + at + ": " + message;
  }
}
