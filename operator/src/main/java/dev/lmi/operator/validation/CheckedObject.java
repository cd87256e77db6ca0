package dev.lmi.operator.validation;

import java.util.List;
import java.util.Map;

/**
 * What the checks across objects need of one lmi.dev object once it has been validated on its own:
 * where it is, who it is, its typed form (null when it does not bind) and where the fields that
 * those checks report on are written.
 */
record CheckedObject(
    String file,
    int document,
    CrdCatalog.KindSchema kind,
    String namespace,
    String name,
    Object typed,
    Map<String, Position> positions) {

  /** The fields the checks across objects report on; "" is the object itself. */
  static final List<String> KEPT_PATHS =
      List.of(
          "",
          "metadata.name",
          "metadata.namespace",
          "spec.capacityProviderRef.name",
          "spec.architecture",
          "spec.keepVersions",
          "spec.scaling.minExecutionEnvironments",
          "spec.scaling.maxExecutionEnvironments");

  Position at(String path) {
    return positions.getOrDefault(path, positions.get(""));
  }

  Problem problem(Violation violation) {
    return problem(violation, at(violation.path()));
  }

  /** A warning about this object, at the field it names. */
  Problem warning(Violation violation) {
    var p = problem(violation);
    return new Problem(
        p.file(),
        p.line(),
        p.column(),
        p.document(),
        p.kind(),
        p.namespace(),
        p.name(),
        p.path(),
        p.message(),
        false,
        true);
  }

  Problem problem(Violation violation, Position at) {
    return new Problem(
        file,
        at.line(),
        at.column(),
        document,
        kind.kind(),
        namespace,
        name,
        violation.path(),
        violation.message(),
        false,
        false);
  }
}
