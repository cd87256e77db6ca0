package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.reconciler.plan.ProviderGate;
import dev.lmi.operator.status.Conditions;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The capacity providers as a secondary resource of functions: a change that concerns them wakes
 * them.
 */
final class ProviderEvents {
  static final String PROVIDER_INDEX = "capacityProviderRef";

  private ProviderEvents() {}

  static InformerEventSource<CapacityProvider, LmiFunction> source(
      EventSourceContext<LmiFunction> context, FunctionDirectory directory) {
    context
        .getPrimaryCache()
        .addIndexer(PROVIDER_INDEX, fn -> List.of(ProviderGate.providerName(fn)));
    directory.attach(context.getPrimaryCache());
    var config =
        InformerEventSourceConfiguration.from(CapacityProvider.class, LmiFunction.class)
            .withSecondaryToPrimaryMapper(
                (CapacityProvider cp) ->
                    context
                        .getPrimaryCache()
                        .byIndex(PROVIDER_INDEX, cp.getMetadata().getName())
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper(
                (LmiFunction fn) -> Set.of(new ResourceID(ProviderGate.providerName(fn))))
            .withWatchAllNamespaces()
            .withOnUpdateFilter(ProviderEvents::concernsFunctions)
            .build();
    return new InformerEventSource<>(config, context);
  }

  /**
   * Whether a provider update matters to its functions: its spec (generation), deletion, ARN,
   * region or Ready reason. A provider's own bookkeeping (e.g. the attached-versions count) must
   * not wake every function.
   */
  static boolean concernsFunctions(CapacityProvider now, CapacityProvider before) {
    return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
        || !Objects.equals(
            now.getMetadata().getDeletionTimestamp(), before.getMetadata().getDeletionTimestamp())
        || !Objects.equals(arn(now), arn(before))
        || !Objects.equals(region(now), region(before))
        || !Objects.equals(
            ProviderGate.appliedArchitecture(now), ProviderGate.appliedArchitecture(before))
        || !Objects.equals(readyReason(now), readyReason(before));
  }

  private static String arn(CapacityProvider cp) {
    return cp.getStatus() == null ? null : cp.getStatus().getArn();
  }

  private static String region(CapacityProvider cp) {
    return cp.getStatus() == null ? null : cp.getStatus().getRegion();
  }

  private static String readyReason(CapacityProvider cp) {
    return cp.getStatus() == null ? null : Conditions.readyReason(cp.getStatus().getConditions());
  }
}
