package dev.lmi.operator.validation;

import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderSpec;
import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rules between a function and its capacity provider, which no CRD can express: the provider
 * exists, the architectures match, the provider admits the function's namespace, its execution role
 * and its code. Pure functions, shared by the offline validator and the reconciler.
 */
public final class CrossObjectChecks {
  /** Namespace of an object that names none, as kubectl applies it. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** The {@code allowedNamespaces} entry that admits every namespace. */
  public static final String ANY_NAMESPACE = "*";

  private CrossObjectChecks() {}

  /** True when the provider's {@code allowedNamespaces} contains the namespace or "*". */
  public static boolean namespaceAllowed(CapacityProviderSpec provider, String namespace) {
    var allowed = provider.getAllowedNamespaces();
    var ns = namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
    return allowed != null && (allowed.contains(ANY_NAMESPACE) || allowed.contains(ns));
  }

  /** The provider's architecture, defaulted as the CRD defaults it. */
  public static Architecture architectureOf(CapacityProviderSpec provider) {
    var requirements = provider.getInstanceRequirements();
    var declared = requirements == null ? null : requirements.getArchitecture();
    return declared != null ? declared : defaultArchitecture();
  }

  /** The function's architecture, defaulted as the CRD defaults it. */
  public static Architecture architectureOf(LmiFunctionSpec function) {
    return function.getArchitecture() != null ? function.getArchitecture() : defaultArchitecture();
  }

  /** True when the function can run on the provider's instances. */
  public static boolean architectureMatches(
      LmiFunctionSpec function, CapacityProviderSpec provider) {
    return architectureOf(function) == architectureOf(provider);
  }

  /**
   * Every cross-object problem of a function, given the provider its reference resolves to (empty
   * when there is none).
   */
  public static List<Violation> check(LmiFunction function, Optional<CapacityProvider> provider) {
    var spec = function.getSpec();
    var ref =
        spec.getCapacityProviderRef() == null ? null : spec.getCapacityProviderRef().getName();
    if (provider.isEmpty()) {
      return List.of(
          new Violation(
              "spec.capacityProviderRef.name", "CapacityProvider \"" + ref + "\" does not exist"));
    }
    var cp = provider.get().getSpec();
    var found = new ArrayList<Violation>();
    if (!architectureMatches(spec, cp)) {
      found.add(
          new Violation(
              "spec.architecture",
              "architecture %s does not match CapacityProvider %s (%s)"
                  .formatted(architectureOf(spec).wire(), ref, architectureOf(cp).wire())));
    }
    found.addAll(TenancyChecks.check(spec, cp, ref));
    var namespace = function.getMetadata().getNamespace();
    if (!namespaceAllowed(cp, namespace)) {
      found.add(
          new Violation(
              "metadata.namespace",
              "namespace %s may not use CapacityProvider %s (allowedNamespaces: %s)"
                  .formatted(
                      namespace == null ? DEFAULT_NAMESPACE : namespace,
                      ref,
                      cp.getAllowedNamespaces())));
    }
    return found;
  }

  private static Architecture defaultArchitecture() {
    return Arrays.stream(Architecture.values())
        .filter(a -> a.wire().equals(Defaults.ARCHITECTURE))
        .findFirst()
        .orElseThrow();
  }
}
