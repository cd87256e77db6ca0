package dev.lmi.operator.preview;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.aws.AwsException;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.capacity.PriceTable;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.PlanEntries;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plans the objects of a set of manifests against AWS as the operator would converge them: every
 * CapacityProvider, then every LmiFunction against its provider (from the manifests, else from
 * AWS), then the version quota of each provider the functions publish to.
 */
final class PlanRun {
  private final RegionalGateways aws;
  private final String clusterName;
  private final Pace pace;
  private final PriceTable prices;
  private final Map<String, ProviderView> providersInAws = new LinkedHashMap<>();

  /** AWS could not be read at all (unreachable, no credentials, failing past the retries). */
  static final class Unreadable extends RuntimeException {
    Unreadable(AwsException cause) {
      super(cause.getMessage(), cause);
    }
  }

  PlanRun(RegionalGateways readOnly, String clusterName, Pace pace, PriceTable prices) {
    this.aws = readOnly;
    this.clusterName = clusterName;
    this.pace = pace;
    this.prices = prices;
  }

  List<ObjectPlan> plan(List<CapacityProvider> providers, List<LmiFunction> functions) {
    var out = new ArrayList<ObjectPlan>();
    var byName = new LinkedHashMap<String, CapacityProvider>();
    var providerPlans = new LinkedHashMap<String, ObjectPlan>();
    for (var cp : providers) {
      var name = cp.getMetadata().getName();
      byName.put(name, cp);
      var entry = guarded(cp.getKind(), null, name, cp.awsName(), () -> provider(cp));
      providerPlans.put(name, entry);
      out.add(entry);
    }
    var preview = new FunctionPreview(aws, clusterName, pace, this::inAws, prices);
    var planned = new ArrayList<ObjectPlan>();
    for (var fn : functions) {
      planned.add(
          guarded(
              fn.getKind(),
              fn.getMetadata().getNamespace(),
              fn.getMetadata().getName(),
              FunctionDesired.awsName(fn),
              () -> preview.plan(fn, byName, providerPlans)));
    }
    guarded(null, null, null, null, () -> quota(functions, planned, byName));
    out.addAll(planned);
    return out;
  }

  private ObjectPlan quota(
      List<LmiFunction> functions, List<ObjectPlan> planned, Map<String, CapacityProvider> byName) {
    new VersionQuota(aws, byName, providersInAws).check(functions, planned);
    return null;
  }

  private ObjectPlan provider(CapacityProvider cp) {
    var region = region(cp, aws);
    return Previews.provider(cp, Owner.of(clusterName, cp), region, aws.forRegion(region), pace);
  }

  /** The provider AWS has under this name, read once per run. */
  private ProviderView inAws(String region, String awsName) {
    return providersInAws.computeIfAbsent(
        region + "/" + awsName, k -> aws.forRegion(region).providers().get(awsName).orElse(null));
  }

  static String region(CapacityProvider cp, RegionalGateways aws) {
    return cp.getSpec().getRegion() != null ? cp.getSpec().getRegion() : aws.defaultRegion();
  }

  /**
   * A read AWS refuses for this object (access denied, a validation error) fails the object only;
   * one that failed past the SDK's retries (unreachable, throttled, 5xx) would fail every object
   * the same way after the same wait, so it ends the run.
   */
  private static ObjectPlan guarded(
      String kind, String namespace, String name, String awsName, Supplier<ObjectPlan> plan) {
    try {
      return plan.get();
    } catch (AwsException e) {
      if (e.kind().retryable() || kind == null) {
        throw new Unreadable(e);
      }
      return PlanEntries.refused(
          kind,
          namespace,
          name,
          awsName,
          Outcome.terminal(Reason.AwsRejected, "could not read AWS: " + e.getMessage()));
    }
  }
}
