package dev.lmi.operator.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Capacity providers in AWS, in our own terms. */
public interface CapacityProviderGateway {
  Optional<ProviderView> get(String name);

  ProviderView create(
      String name, ProviderFixed fixed, ProviderTunables tunables, Map<String, String> tags);

  ProviderView update(String name, ProviderTunables tunables);

  DeleteOutcome delete(String name);

  /** ARNs of the function versions attached to the provider (AWS allows 100). */
  List<String> attachedVersions(String name);

  Map<String, String> tags(String arn);

  void tag(String arn, Map<String, String> tags);
}
