package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.DeleteOutcome;
import dev.lmi.operator.aws.EndpointRequest;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.plan.Change;
import dev.lmi.operator.reconciler.plan.NetworkPlan;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.ProviderAction;
import dev.lmi.operator.reconciler.plan.ProviderAction.Adopt;
import dev.lmi.operator.reconciler.plan.ProviderAction.Create;
import dev.lmi.operator.reconciler.plan.ProviderAction.CreateEndpoints;
import dev.lmi.operator.reconciler.plan.ProviderAction.RecordUid;
import dev.lmi.operator.reconciler.plan.ProviderAction.Update;
import dev.lmi.operator.reconciler.plan.ProviderRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Carries out a capacity provider's plan steps up to the first wait, through the gateways, one
 * Event per write, and returns the status record with what AWS answered.
 */
public final class ProviderApply {
  private final Events events;

  public ProviderApply(Events events) {
    this.events = events;
  }

  public ProviderRecord run(
      CapacityProvider cp, Gateways gw, Owner owner, List<ProviderAction> steps, ProviderRecord r) {
    var record = r;
    for (var action : steps) {
      switch (action) {
        case CreateEndpoints e -> {
          var ids = endpoints(cp, gw, owner, e.network(), record.region());
          record = record.network(record.network().created(ids));
        }
        case Create c -> {
          var d = c.desired();
          var created = gw.providers().create(d.name(), d.fixed(), d.tunables(), d.tags());
          events.normal(
              cp,
              "Created",
              "created capacity provider " + created.arn() + " in " + record.region());
          record = record.created(created);
        }
        case RecordUid u -> {
          gw.providers().tag(u.arn(), Map.of(Api.OWNER_TAG, u.tag()));
          events.normal(cp, "Claimed", "recorded this object's uid in the owner tag of " + u.arn());
        }
        case Adopt a -> {
          gw.providers().tag(a.arn(), Map.of(Api.OWNER_TAG, a.tag()));
          events.normal(cp, "Adopted", "adopted existing capacity provider " + a.arn());
        }
        case Update u -> {
          var updated = gw.providers().update(cp.awsName(), u.tunables());
          events.normal(
              cp,
              "Updated",
              "updated capacity provider " + updated.arn() + ": " + Change.fields(u.changes()));
          record = record.seen(updated);
        }
        default -> throw new IllegalStateException("not a step of converging: " + action);
      }
    }
    return record;
  }

  private List<String> endpoints(
      CapacityProvider cp, Gateways gw, Owner owner, NetworkPlan plan, String region) {
    var created = new ArrayList<String>();
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
                      owner.tag()));
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
    return created;
  }

  /**
   * Deletes the endpoints on record whose owner tag names the provider (now, by name alone, or as
   * operators before the cluster name wrote it), and no other: the status is no proof.
   */
  public void deleteEndpoints(CapacityProvider cp, Gateways gw, Owner owner, List<String> ids) {
    var owners =
        new LinkedHashSet<>(
            List.of(
                owner.tag(),
                owner.identity(),
                "lmi/CapacityProvider/" + cp.getMetadata().getName()));
    var deleted = gw.network().deleteEndpoints(ids, owners);
    var left = ids.stream().filter(id -> !deleted.contains(id)).toList();
    events.normal(
        cp,
        "DeletedEndpoints",
        "deleted VPC endpoints "
            + deleted
            + (left.isEmpty() ? "" : "; left " + left + ": their owner tag names another owner"));
  }

  /** DeleteCapacityProvider: gone, deleting, or blocked by function versions still on it. */
  public DeleteOutcome delete(CapacityProvider cp, Gateways gw) {
    var result = gw.providers().delete(cp.awsName());
    if (result.kind() == DeleteOutcome.Kind.DELETING) {
      events.normal(cp, "Deleting", "deleting capacity provider " + cp.awsName());
    }
    return result;
  }

  /** deletionPolicy Retain: the owner tag loses the uid, for the next object of the same name. */
  public void release(CapacityProvider cp, Gateways gw, String arn, String identityTag) {
    gw.providers().tag(arn, Map.of(Api.OWNER_TAG, identityTag));
  }
}
