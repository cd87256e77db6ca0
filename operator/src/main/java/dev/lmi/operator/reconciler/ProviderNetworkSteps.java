package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.aws.EndpointRequest;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Resolves and checks a provider's network before creation, creating endpoints when allowed. */
final class ProviderNetworkSteps {
  static final String MULTI_AZ = "MultiAvailabilityZone";
  private final EventRecorder events;
  private final OperatorSettings settings;

  ProviderNetworkSteps(EventRecorder events, OperatorSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  /** Network resolution result: an outcome that stops the create, or null to go on. */
  record Resolution(Outcome outcome) {}

  Resolution resolve(CapacityProvider cp, CapacityProviderStatus st, Gateways gw, String region) {
    var vpc = cp.getSpec().getVpc();
    var plan = NetworkCheck.plan(vpc, region, gw.network());
    st.setVpcId(plan.vpcId());
    st.setSubnetIds(plan.subnetIds());
    st.setSecurityGroupIds(plan.securityGroupIds());
    st.setAvailabilityZones(plan.availabilityZones());
    azCondition(cp, st, plan);
    if (!plan.problems().isEmpty()) {
      return new Resolution(
          Outcome.terminal(Reason.InvalidNetwork, String.join("; ", plan.problems())));
    }
    if (plan.missingServices().isEmpty()) {
      return new Resolution(null);
    }
    if (!Boolean.TRUE.equals(vpc.getCreateMissingEndpoints())) {
      return new Resolution(
          Outcome.terminal(
              Reason.MissingVpcEndpoints,
              "no VPC endpoint and no NAT route for: "
                  + String.join(", ", plan.missingServices())
                  + " in "
                  + plan.vpcId()
                  + "; create the endpoints, add a NAT route, or set"
                  + " spec.vpc.createMissingEndpoints: true"));
    }
    createEndpoints(cp, st, gw, region, plan);
    return new Resolution(null);
  }

  private void createEndpoints(
      CapacityProvider cp,
      CapacityProviderStatus st,
      Gateways gw,
      String region,
      NetworkPlan plan) {
    var created =
        new ArrayList<>(
            st.getCreatedEndpoints() == null ? List.<String>of() : st.getCreatedEndpoints());
    var owner = ProviderDesired.owner(settings.clusterName(), cp);
    for (var service : plan.missingServices()) {
      var gateway = NetworkCheck.GATEWAY_SERVICES.contains(service);
      var id =
          gw.network()
              .createEndpoint(
                  new EndpointRequest(
                      plan.vpcId(),
                      NetworkCheck.serviceName(region, service),
                      gateway,
                      plan.routeTableIds(),
                      plan.subnetIds(),
                      plan.securityGroupIds(),
                      owner));
      created.add(id);
      events.normal(
          cp,
          "CreatedEndpoint",
          "created "
              + (gateway ? "gateway" : "interface")
              + " VPC endpoint "
              + id
              + " for "
              + service);
    }
    st.setCreatedEndpoints(created);
  }

  /**
   * Deletes the endpoints the status records as created for this provider, but only those whose
   * owner tag names it (now, by name alone, or as operators before the cluster name wrote it): the
   * status is no proof of ownership.
   */
  void deleteEndpoints(CapacityProvider cp, CapacityProviderStatus st, Gateways gw) {
    var created = st.getCreatedEndpoints();
    if (created != null && !created.isEmpty()) {
      var cluster = settings.clusterName();
      var owners =
          new java.util.LinkedHashSet<>(
              List.of(
                  ProviderDesired.owner(cluster, cp),
                  ProviderDesired.identity(cluster, cp),
                  "lmi/CapacityProvider/" + cp.getMetadata().getName()));
      var deleted = gw.network().deleteEndpoints(created, owners);
      var left = created.stream().filter(id -> !deleted.contains(id)).toList();
      events.normal(
          cp,
          "DeletedEndpoints",
          "deleted VPC endpoints "
              + deleted
              + (left.isEmpty() ? "" : "; left " + left + ": their owner tag names another owner"));
      st.setCreatedEndpoints(List.of());
    }
  }

  private static void azCondition(
      CapacityProvider cp, CapacityProviderStatus st, NetworkPlan plan) {
    var g = cp.getMetadata().getGeneration() == null ? 0L : cp.getMetadata().getGeneration();
    var azs = plan.availabilityZones().size();
    var ok = azs >= 2;
    st.setConditions(
        Conditions.set(
            st.getConditions(),
            MULTI_AZ,
            ok ? "True" : "False",
            ok ? "MultipleZones" : "SingleAvailabilityZone",
            ok
                ? "subnets span " + azs + " availability zones"
                : "subnets span "
                    + azs
                    + " availability zone(s); use subnets in at least two (three recommended) for resilience",
            g,
            Clock.systemUTC()));
  }
}
