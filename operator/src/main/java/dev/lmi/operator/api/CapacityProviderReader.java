package dev.lmi.operator.api;

import java.util.List;

/** Reads CapacityProviders tolerantly: see {@link TolerantDeserializer}. */
public final class CapacityProviderReader
    extends TolerantDeserializer<CapacityProvider, CapacityProviderSpec, CapacityProviderStatus> {
  public CapacityProviderReader() {
    super(
        CapacityProvider.class,
        CapacityProvider::new,
        CapacityProviderSpec.class,
        CapacityProviderStatus.class,
        // A restriction this version does not know must not be ignored: it would widen the
        // boundary.
        List.of("spec.tenancy"));
  }
}
