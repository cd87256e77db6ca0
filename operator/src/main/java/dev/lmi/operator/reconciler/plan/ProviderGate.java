package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.validation.CrossObjectChecks;
import dev.lmi.operator.validation.TenancyChecks;

/**
 * Decides, without calling AWS, whether a function may use its capacity provider: it must exist,
 * allow the function's namespace, its execution role and its code (the provider's own policy, read
 * from its spec so that a narrowing applies at once), match its architecture, and be Ready.
 */
public final class ProviderGate {
  private ProviderGate() {}

  /** Null when the function may proceed; otherwise the outcome that stops it. */
  public static Outcome check(LmiFunction fn, CapacityProvider cp, Pace pace) {
    var name = providerName(fn);
    var refused = policy(fn, cp, pace);
    if (refused != null) {
      return refused;
    }
    var st = cp.getStatus();
    if (!usable(st)) {
      var why = st == null ? "not yet reconciled" : Conditions.readyReason(st.getConditions());
      // The provider informer wakes this function when the provider changes: no polling.
      return Outcome.waiting(
          Reason.WaitingForProvider,
          "CapacityProvider " + name + " is not Ready (" + why + ")",
          pace.resync());
    }
    return null;
  }

  /**
   * What the provider's spec says about the function, whether or not the provider is Ready: it
   * exists and can be read, allows the function's namespace, role and code, and matches its
   * architecture. Null when it does; otherwise the outcome that stops the function.
   */
  public static Outcome policy(LmiFunction fn, CapacityProvider cp, Pace pace) {
    var name = providerName(fn);
    if (cp == null) {
      return Outcome.waiting(
          Reason.ProviderNotFound, "CapacityProvider " + name + " does not exist", pace.resync());
    }
    if (cp.getSpec() == null || ReadIssues.of(cp).invalid()) {
      // Its allowed namespaces and tenancy cannot be read: nothing is allowed until they can.
      return Outcome.waiting(
          Reason.WaitingForProvider,
          "CapacityProvider " + name + " has a spec this operator cannot read (InvalidSpec)",
          pace.resync());
    }
    var ns = fn.getMetadata().getNamespace();
    if (!CrossObjectChecks.namespaceAllowed(cp.getSpec(), ns)) {
      return Outcome.terminal(
          Reason.NamespaceNotAllowed,
          "CapacityProvider "
              + name
              + " does not allow namespace "
              + ns
              + " (allowedNamespaces: "
              + cp.getSpec().getAllowedNamespaces()
              + ")");
    }
    var tenancy = TenancyChecks.check(fn.getSpec(), cp.getSpec(), name);
    if (!tenancy.isEmpty()) {
      return Outcome.terminal(
          Reason.TenancyViolation,
          tenancy.stream()
              .map(v -> v.path() + ": " + v.message())
              .collect(java.util.stream.Collectors.joining("; ")));
    }
    var want = appliedArchitecture(cp);
    var have = CrossObjectChecks.architectureOf(fn.getSpec()).wire();
    if (!have.equals(want)) {
      return Outcome.terminal(
          Reason.ArchitectureMismatch,
          "architecture " + have + " does not match CapacityProvider " + name + " (" + want + ")");
    }
    return null;
  }

  /** The name of the CapacityProvider object the function names; empty when it names none. */
  public static String providerName(LmiFunction fn) {
    var spec = fn.getSpec();
    return spec == null || spec.getCapacityProviderRef() == null
        ? ""
        : spec.getCapacityProviderRef().getName();
  }

  /**
   * The architecture the provider has in AWS (its status), else the one its spec asks for: a
   * create-only change AWS refused does not move the functions' target.
   */
  public static String appliedArchitecture(CapacityProvider cp) {
    var st = cp.getStatus();
    if (st != null && st.getArchitecture() != null) {
      return st.getArchitecture();
    }
    return cp.getSpec() == null ? null : CrossObjectChecks.architectureOf(cp.getSpec()).wire();
  }

  /** Ready, or Active in AWS with a refused create-only change that left it as it was. */
  private static boolean usable(CapacityProviderStatus st) {
    if (st == null || st.getArn() == null) {
      return false;
    }
    var reason = Conditions.readyReason(st.getConditions());
    return Reason.Ready.name().equals(reason)
        || (Reason.CreateOnlyFieldChanged.name().equals(reason)
            && dev.lmi.operator.aws.ProviderView.isActive(st.getState())
            && st.getArchitecture() != null);
  }
}
