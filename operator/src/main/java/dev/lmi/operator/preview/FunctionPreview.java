package dev.lmi.operator.preview;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.capacity.PriceTable;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.PlanEntries;
import dev.lmi.operator.reconciler.plan.ProviderGate;
import dev.lmi.operator.schedule.Schedules;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.validation.CrossObjectChecks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Plans one LmiFunction of the manifests against its capacity provider as the operator would meet
 * it: the provider's gates first (namespace, tenancy, architecture), then the function's own plan.
 */
final class FunctionPreview {
  private final RegionalGateways aws;
  private final String clusterName;
  private final Pace pace;
  private final BiFunction<String, String, ProviderView> inAws;
  private final PriceTable prices;
  private final Clock clock = Clock.systemUTC();

  /**
   * @param inAws the provider AWS has in a region under a name, or null
   */
  FunctionPreview(
      RegionalGateways aws,
      String clusterName,
      Pace pace,
      BiFunction<String, String, ProviderView> inAws,
      PriceTable prices) {
    this.prices = prices;
    this.aws = aws;
    this.clusterName = clusterName;
    this.pace = pace;
    this.inAws = inAws;
  }

  /**
   * @param providers the manifests' providers by name, with the plan made for each
   */
  ObjectPlan plan(
      LmiFunction fn, Map<String, CapacityProvider> providers, Map<String, ObjectPlan> planned) {
    var ref = ProviderGate.providerName(fn);
    var cp = providers.get(ref);
    if (cp == null) {
      return againstAws(fn, ref);
    }
    var region = PlanRun.region(cp, aws);
    var provider = inAws.apply(region, cp.awsName());
    var policy = ProviderGate.policy(fn, asInAws(cp, provider), pace);
    if (policy != null) {
      return refused(fn, policy);
    }
    var entry = planned.get(ref);
    if (entry != null && !usable(entry, provider)) {
      var waits =
          refused(
              fn,
              Outcome.waiting(
                  Reason.WaitingForProvider,
                  "CapacityProvider " + ref + " would be refused (" + entry.getReason() + ")",
                  null));
      waits.setWarnings(
          List.of("nothing is planned for it until CapacityProvider " + ref + " is Ready"));
      return waits;
    }
    return planned(fn, region, provider, ref);
  }

  /**
   * As ProviderGate has it: a provider the operator would refuse stops its functions, unless the
   * refusal is a create-only change that leaves the provider in AWS as it is.
   */
  private static boolean usable(ObjectPlan entry, ProviderView provider) {
    return !ObjectPlan.REFUSED.equals(entry.getChange())
        || (Reason.CreateOnlyFieldChanged.name().equals(entry.getReason())
            && provider != null
            && provider.active());
  }

  /** A function whose provider is not among the manifests: only what AWS has can be checked. */
  private ObjectPlan againstAws(LmiFunction fn, String ref) {
    var region = aws.defaultRegion();
    var provider = inAws.apply(region, ref);
    if (provider == null) {
      var entry =
          refused(
              fn,
              Outcome.waiting(
                  Reason.ProviderNotFound,
                  "CapacityProvider "
                      + ref
                      + " is neither among the manifests nor in AWS ("
                      + region
                      + ")",
                  null));
      entry.setErrors(List.of("the function would wait for CapacityProvider " + ref + " for ever"));
      return entry;
    }
    var have = CrossObjectChecks.architectureOf(fn.getSpec()).wire();
    if (provider.fixed() != null && !have.equals(provider.fixed().architecture())) {
      return refused(
          fn,
          Outcome.terminal(
              Reason.ArchitectureMismatch,
              "architecture "
                  + have
                  + " does not match capacity provider "
                  + ref
                  + " in AWS ("
                  + provider.fixed().architecture()
                  + ")"));
    }
    var entry = planned(fn, region, provider, ref);
    entry.setWarnings(
        List.of(
            "CapacityProvider "
                + ref
                + " is not among the manifests: its allowedNamespaces and tenancy were not checked"));
    return entry;
  }

  private ObjectPlan planned(LmiFunction fn, String region, ProviderView provider, String ref) {
    var arn = provider != null ? provider.arn() : "(the ARN CapacityProvider " + ref + " gets)";
    var owner = Owner.of(clusterName, fn);
    // The scaling in force now (a schedule's window, suspend), as the operator would put it.
    var now = clock.instant();
    var e = Schedules.effectiveScaling(fn.getSpec(), now);
    var d =
        FunctionDesired.of(fn, arn, owner.tag())
            .withScaling(e.minExecutionEnvironments(), e.maxExecutionEnvironments());
    var gw = aws.forRegion(region);
    var entry = Previews.function(fn, d, owner, gw, pace);
    try {
      entry.setCost(CostPreview.line(gw, d.name(), d.alias(), fn.getSpec(), prices, now));
    } catch (IllegalArgumentException unpriced) {
      // A function AWS has outside the price table (not LMI): no estimate rather than no plan.
      entry.setCost(null);
    }
    return entry;
  }

  /**
   * The provider as the operator sees it: with the architecture AWS has, when it exists, which a
   * create-only change the operator would refuse does not move.
   */
  private static CapacityProvider asInAws(CapacityProvider cp, ProviderView provider) {
    if (provider == null || provider.fixed() == null) {
      return cp;
    }
    var status = new CapacityProviderStatus();
    status.setArn(provider.arn());
    status.setArchitecture(provider.fixed().architecture());
    var copy = new CapacityProvider();
    copy.setMetadata(cp.getMetadata());
    copy.setSpec(cp.getSpec());
    copy.setStatus(status);
    return copy;
  }

  private static ObjectPlan refused(LmiFunction fn, Outcome outcome) {
    return PlanEntries.refused(
        fn.getKind(),
        fn.getMetadata().getNamespace(),
        fn.getMetadata().getName(),
        FunctionDesired.awsName(fn),
        outcome);
  }
}
