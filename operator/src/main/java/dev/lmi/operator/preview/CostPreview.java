package dev.lmi.operator.preview;

import dev.lmi.operator.api.LmiFunctionSpec;
import dev.lmi.operator.aws.FunctionSettings;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.CostEstimate;
import dev.lmi.operator.capacity.Costs;
import dev.lmi.operator.capacity.FunctionLoad;
import dev.lmi.operator.capacity.ObservedVersion;
import dev.lmi.operator.capacity.PriceTable;
import dev.lmi.operator.capacity.SpecCapacity;
import dev.lmi.operator.capacity.VersionState;
import java.time.Instant;
import java.util.List;

/**
 * The change in the estimated monthly cost a manifest would cause, for the plan command: from what
 * AWS runs now (the version the alias serves, at its scaling; nothing when the function or its
 * alias does not exist) to the steady state the spec asks for at this instant (one version at the
 * scaling in force). Reads only.
 */
final class CostPreview {
  private CostPreview() {}

  static String line(
      Gateways gw,
      String awsName,
      String alias,
      LmiFunctionSpec spec,
      PriceTable prices,
      Instant now) {
    var before = running(gw, awsName, alias, prices);
    var after = SpecCapacity.desiredCost(spec, now, prices);
    return Costs.change(before, after).text() + " (an estimate: " + prices.label() + ")";
  }

  /** What the alias's version costs as AWS runs it; null when nothing is served. */
  private static CostEstimate running(
      Gateways gw, String awsName, String alias, PriceTable prices) {
    var function = gw.functions().get(awsName);
    var served = function.isEmpty() ? null : gw.aliases().get(awsName, alias).orElse(null);
    if (served == null) {
      return null;
    }
    var scaling = gw.aliases().scaling(awsName, served.version()).orElse(null);
    var min = scaling == null ? null : scaling.appliedMin();
    var max = scaling == null ? null : scaling.appliedMax();
    var settings = function.get().settings();
    var ratio = ratio(settings);
    var version =
        new ObservedVersion(
            served.version(),
            VersionState.ACTIVE,
            min == null ? CapacityBudget.AWS_DEFAULT_MIN_ENVIRONMENTS : min,
            max);
    var vcpu = CapacityBudget.vCpuPerEnvironment(settings.memoryMiB(), ratio);
    var capacity = CapacityBudget.function(new FunctionLoad(awsName, vcpu, List.of(version)));
    return Costs.function(capacity, settings.architecture(), ratio, prices);
  }

  private static int ratio(FunctionSettings s) {
    return s.memoryGiBPerVCpu() == null ? 2 : (int) Math.round(s.memoryGiBPerVCpu());
  }
}
