package dev.lmi.operator.preview;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.aws.AwsException;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.PlanEntries;
import dev.lmi.operator.reconciler.plan.ProviderGate;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.validation.CrossObjectChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the objects of a set of manifests against AWS as the operator would converge them: every
 * CapacityProvider, then every LmiFunction against its provider (from the manifests, else from
 * AWS), then the version quota of each provider the functions publish to.
 */
final class PlanRun {
  private final RegionalGateways aws;
  private final String clusterName;
  private final Pace pace;
  private final Map<String, ProviderView> providersInAws = new LinkedHashMap<>();

  PlanRun(RegionalGateways readOnly, String clusterName, Pace pace) {
    this.aws = readOnly;
    this.clusterName = clusterName;
    this.pace = pace;
  }

  List<ObjectPlan> plan(List<CapacityProvider> providers, List<LmiFunction> functions) {
    var out = new ArrayList<ObjectPlan>();
    var byName = new LinkedHashMap<String, CapacityProvider>();
    for (var cp : providers) {
      byName.put(cp.getMetadata().getName(), cp);
      out.add(
          guarded(
              cp.getKind(), null, cp.getMetadata().getName(), cp.awsName(), () -> provider(cp)));
    }
    var planned = new ArrayList<ObjectPlan>();
    for (var fn : functions) {
      var name = FunctionDesired.awsName(fn);
      planned.add(
          guarded(
              fn.getKind(),
              fn.getMetadata().getNamespace(),
              fn.getMetadata().getName(),
              name,
              () -> function(fn, byName)));
    }
    new VersionQuota(aws, byName, providersInAws).check(functions, planned);
    out.addAll(planned);
    return out;
  }

  private ObjectPlan provider(CapacityProvider cp) {
    var region = region(cp);
    return Previews.provider(cp, Owner.of(clusterName, cp), region, aws.forRegion(region), pace);
  }

  private ObjectPlan function(LmiFunction fn, Map<String, CapacityProvider> providers) {
    var ref = ProviderGate.providerName(fn);
    var cp = providers.get(ref);
    var warnings = new ArrayList<String>();
    String region;
    ProviderView inAws;
    if (cp != null) {
      region = region(cp);
      inAws = inAws(region, cp.awsName());
      var policy = ProviderGate.policy(fn, asInAws(cp, inAws), pace);
      if (policy != null) {
        return refused(fn, policy);
      }
    } else {
      region = aws.defaultRegion();
      inAws = inAws(region, ref);
      if (inAws == null) {
        return refused(
            fn,
            Outcome.terminal(
                Reason.ProviderNotFound,
                "CapacityProvider "
                    + ref
                    + " is neither among the manifests nor in AWS ("
                    + region
                    + ")"));
      }
      warnings.add(
          "CapacityProvider "
              + ref
              + " is not among the manifests: its allowedNamespaces"
              + " and tenancy were not checked");
      var have = CrossObjectChecks.architectureOf(fn.getSpec()).wire();
      if (inAws.fixed() != null && !have.equals(inAws.fixed().architecture())) {
        return refused(
            fn,
            Outcome.terminal(
                Reason.ArchitectureMismatch,
                "architecture "
                    + have
                    + " does not match capacity provider "
                    + ref
                    + " in AWS ("
                    + inAws.fixed().architecture()
                    + ")"));
      }
    }
    var arn = inAws != null ? inAws.arn() : "(the ARN CapacityProvider " + ref + " gets)";
    var owner = Owner.of(clusterName, fn);
    var d = FunctionDesired.of(fn, arn, owner.tag());
    var entry = Previews.function(fn, d, owner, aws.forRegion(region), pace);
    if (!warnings.isEmpty()) {
      entry.setWarnings(warnings);
    }
    return entry;
  }

  /**
   * The provider as the operator sees it: with the architecture AWS has, when it exists, which a
   * create-only change the operator would refuse does not move.
   */
  private static CapacityProvider asInAws(CapacityProvider cp, ProviderView inAws) {
    if (inAws == null || inAws.fixed() == null) {
      return cp;
    }
    var status = new dev.lmi.operator.api.CapacityProviderStatus();
    status.setArn(inAws.arn());
    status.setArchitecture(inAws.fixed().architecture());
    var copy = new CapacityProvider();
    copy.setMetadata(cp.getMetadata());
    copy.setSpec(cp.getSpec());
    copy.setStatus(status);
    return copy;
  }

  /** The provider AWS has under this name, read once per run. */
  private ProviderView inAws(String region, String awsName) {
    return providersInAws.computeIfAbsent(
        region + "/" + awsName, k -> aws.forRegion(region).providers().get(awsName).orElse(null));
  }

  private String region(CapacityProvider cp) {
    return cp.getSpec().getRegion() != null ? cp.getSpec().getRegion() : aws.defaultRegion();
  }

  private static ObjectPlan refused(LmiFunction fn, Outcome outcome) {
    return PlanEntries.refused(
        fn.getKind(),
        fn.getMetadata().getNamespace(),
        fn.getMetadata().getName(),
        FunctionDesired.awsName(fn),
        outcome);
  }

  /** An AWS read that fails (access denied, throttled past the retries) fails this object only. */
  private static ObjectPlan guarded(
      String kind,
      String namespace,
      String name,
      String awsName,
      java.util.function.Supplier<ObjectPlan> plan) {
    try {
      return plan.get();
    } catch (AwsException e) {
      var entry =
          PlanEntries.refused(
              kind,
              namespace,
              name,
              awsName,
              Outcome.terminal(
                  e.kind().retryable() ? Reason.Retrying : Reason.AwsRejected, e.getMessage()));
      entry.setErrors(List.of("could not read AWS: " + e.getMessage()));
      return entry;
    }
  }
}
