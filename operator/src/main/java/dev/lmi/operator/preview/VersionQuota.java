package dev.lmi.operator.preview;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.reconciler.plan.ProviderGate;
import dev.lmi.operator.reconciler.plan.ProviderRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS allows 100 function versions per capacity provider. Versions are pruned only after the new
 * one is published, so at the peak every planned publish is added to those attached now.
 */
final class VersionQuota {
  private final RegionalGateways aws;
  private final Map<String, CapacityProvider> manifests;
  private final Map<String, ProviderView> inAws;

  VersionQuota(
      RegionalGateways aws,
      Map<String, CapacityProvider> manifests,
      Map<String, ProviderView> inAws) {
    this.aws = aws;
    this.manifests = manifests;
    this.inAws = inAws;
  }

  /** Adds an error to each function that publishes past the quota of its provider. */
  void check(List<LmiFunction> functions, List<ObjectPlan> entries) {
    var publishing = new HashMap<String, List<ObjectPlan>>();
    for (var i = 0; i < functions.size(); i++) {
      var entry = entries.get(i);
      if (publishes(entry)) {
        publishing.computeIfAbsent(key(functions.get(i)), k -> new ArrayList<>()).add(entry);
      }
    }
    publishing.forEach(
        (key, planned) -> {
          var provider = inAws.get(key);
          var attached =
              provider == null
                  ? 0
                  : aws.forRegion(key.substring(0, key.indexOf('/')))
                      .providers()
                      .attachedVersions(key.substring(key.indexOf('/') + 1))
                      .size();
          if (attached + planned.size() > ProviderRecord.VERSION_QUOTA) {
            var message =
                "publishing would exceed AWS's "
                    + ProviderRecord.VERSION_QUOTA
                    + " function versions per capacity provider on "
                    + key.substring(key.indexOf('/') + 1)
                    + ": "
                    + attached
                    + " attached now, "
                    + planned.size()
                    + " planned (old versions are pruned only after a new one is published)";
            planned.forEach(e -> e.setErrors(List.of(message)));
          }
        });
  }

  private static boolean publishes(ObjectPlan entry) {
    return entry.getActions() != null
        && entry.getActions().stream()
            .anyMatch(
                a ->
                    a.getAwsCalls() != null
                        && (a.getAwsCalls().contains("PublishVersion")
                            || a.getAwsCalls().contains("CreateFunction")));
  }

  private String key(LmiFunction fn) {
    var ref = ProviderGate.providerName(fn);
    var cp = manifests.get(ref);
    var region =
        cp != null && cp.getSpec().getRegion() != null
            ? cp.getSpec().getRegion()
            : aws.defaultRegion();
    return region + "/" + (cp != null ? cp.awsName() : ref);
  }
}
