package dev.lmi.operator.validation;

/**
 * A violation located in a manifest file: document number (1-based), the object's kind, namespace
 * (null for cluster-scoped kinds) and name, the field path and the message.
 */
public record Problem(
    String file,
    int document,
    String kind,
    String namespace,
    String name,
    String path,
    String message) {

  /** {@code <file>:<doc#>: <Kind>/<namespace/name>: <field path>: <message>}. */
  public String toLine() {
    var object = namespace == null ? name : namespace + "/" + name;
    var at = path.isEmpty() ? "(object)" : path;
    return file + ":" + document + ": " + kind + "/" + object + ": " + at + ": " + message;
  }
}
