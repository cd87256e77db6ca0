package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.ProviderView;
import java.util.List;
import java.util.Map;

/**
 * What was read from AWS about one capacity provider in this reconcile, each fact only when the
 * plan asked for it.
 *
 * @param tags the provider's tags (GetCapacityProvider returns none), read in this reconcile
 * @param network the network check of the spec's VPC (EC2 reads)
 * @param attached the ARNs of the function versions on the provider
 * @param ownerVerified this process read the owner tag naming this object earlier
 */
public record ProviderObservation(
    Seen<ProviderView> provider,
    Seen<Map<String, String>> tags,
    Seen<NetworkPlan> network,
    Seen<List<String>> attached,
    boolean ownerVerified) {

  public static ProviderObservation none(boolean ownerVerified) {
    return new ProviderObservation(
        Seen.unknown(), Seen.unknown(), Seen.unknown(), Seen.unknown(), ownerVerified);
  }

  public ProviderObservation withProvider(Seen<ProviderView> p) {
    return new ProviderObservation(p, tags, network, attached, ownerVerified);
  }

  public ProviderObservation withTags(Seen<Map<String, String>> t) {
    return new ProviderObservation(provider, t, network, attached, ownerVerified);
  }

  public ProviderObservation withNetwork(Seen<NetworkPlan> n) {
    return new ProviderObservation(provider, tags, n, attached, ownerVerified);
  }

  public ProviderObservation withAttached(Seen<List<String>> a) {
    return new ProviderObservation(provider, tags, network, a, ownerVerified);
  }
}
