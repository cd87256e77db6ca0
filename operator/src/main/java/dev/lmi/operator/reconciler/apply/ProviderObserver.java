package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.plan.ProviderObservation;
import dev.lmi.operator.reconciler.plan.ProviderPlan;
import dev.lmi.operator.reconciler.plan.Seen;

/** Reads, through the gateways, what a capacity provider's plan asks for, and nothing more. */
public final class ProviderObserver {
  private ProviderObserver() {}

  public static ProviderObservation read(
      Gateways gw,
      CapacityProvider cp,
      String region,
      ProviderObservation o,
      ProviderPlan.Read what) {
    return switch (what) {
      case PROVIDER -> o.withProvider(Seen.read(gw.providers().get(cp.awsName())));
      case TAGS -> o.withTags(Seen.of(gw.providers().tags(o.provider().value().arn())));
      case NETWORK ->
          o.withNetwork(Seen.of(NetworkCheck.plan(cp.getSpec().getVpc(), region, gw.network())));
      case ATTACHED -> o.withAttached(Seen.of(gw.providers().attachedVersions(cp.awsName())));
    };
  }
}
