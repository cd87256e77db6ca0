package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.reconciler.plan.ProviderAction.Create;
import dev.lmi.operator.reconciler.plan.ProviderAction.Update;
import dev.lmi.operator.reconciler.plan.ProviderAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.List;

/**
 * How the operator converges one capacity provider: create it (after checking its network, with the
 * VPC endpoints it lacks when allowed), or find it in AWS, owned by this object, Active and with
 * the spec's create-only settings; then update what AWS updates in place. A create-only change is
 * refused, never carried out by deleting anything.
 */
public final class ProviderPlan {
  /** The reads a provider plan may ask for. */
  public enum Read {
    PROVIDER,
    TAGS,
    NETWORK,
    ATTACHED
  }

  private final CapacityProvider cp;
  private final Owner owner;
  private final String region;
  private final Pace pace;

  public ProviderPlan(CapacityProvider cp, Owner owner, String region, Pace pace) {
    this.cp = cp;
    this.owner = owner;
    this.region = region;
    this.pace = pace;
  }

  public Decision<ProviderAction, Read, ProviderRecord> decide(
      ProviderRecord record, ProviderObservation o) {
    var p = new Path<ProviderAction, ProviderRecord>(record.named(cp.awsName(), region));
    try {
      var view = p.need(o.provider(), Read.PROVIDER);
      if (view == null) {
        create(p, o);
      } else if (ProviderClaim.decide(p, o, cp, owner, view)) {
        existing(p, o, view);
      }
      return p.decision(null);
    } catch (Path.Unknown u) {
      return Decision.needs(u.read());
    }
  }

  private void create(Path<ProviderAction, ProviderRecord> p, ProviderObservation o) {
    var network = ProviderNetwork.check(p, o, cp);
    if (network == null) {
      return;
    }
    p.add(
        new Create(
            ProviderDesired.of(cp, network.subnetIds(), network.securityGroupIds(), owner.tag())));
    p.add(wait(Reason.Provisioning, "capacity provider is Pending"));
  }

  /** A provider this object owns: Active with the spec's settings, or on its way there. */
  private void existing(
      Path<ProviderAction, ProviderRecord> p, ProviderObservation o, ProviderView view) {
    p.record(p.record().seen(view));
    if (view.failed()) {
      p.end(
          Outcome.terminal(
              Reason.ProviderFailed,
              "AWS reports the capacity provider as Failed; delete and recreate it"));
      return;
    }
    if (view.deleting()) {
      p.add(wait(Reason.Deleting, "AWS is deleting the capacity provider"));
      return;
    }
    var desired = desired(p, o);
    var fixed = ProviderDiff.fixed(desired.fixed(), view.fixed());
    if (!fixed.isEmpty()) {
      p.end(
          Outcome.terminal(
              Reason.CreateOnlyFieldChanged,
              "create-only settings changed: "
                  + Change.text(fixed)
                  + "; AWS cannot change them in place. Revert the change, or create a new"
                  + " CapacityProvider and move the functions to it; nothing was deleted"));
    } else if (view.pending()) {
      p.add(wait(Reason.Provisioning, "capacity provider is Pending"));
    } else {
      inPlace(p, o, view, desired);
    }
  }

  /** Scaling, tag propagation and telemetry: updated in place; then Ready. */
  private void inPlace(
      Path<ProviderAction, ProviderRecord> p,
      ProviderObservation o,
      ProviderView view,
      ProviderDesired desired) {
    var tunables = ProviderDiff.tunables(desired.tunables(), view.tunables());
    if (!tunables.isEmpty()) {
      // The owner tag is read again before the write, unless it was in this reconcile.
      p.need(o.tags(), Read.TAGS);
      p.add(new Update(tunables, desired.tunables()));
      p.add(wait(Reason.Updating, "applying scaling changes"));
      return;
    }
    var attached = p.need(o.attached(), Read.ATTACHED).size();
    p.record(p.record().attached(attached));
    p.end(
        Outcome.ready(
            "Active; "
                + attached
                + " of "
                + ProviderRecord.VERSION_QUOTA
                + " function versions attached",
            pace.resync()));
  }

  /**
   * The desired state, with the subnets and groups of the spec, or resolved from its selectors: at
   * creation (on record), or again when the record of them is lost.
   */
  private ProviderDesired desired(Path<ProviderAction, ProviderRecord> p, ProviderObservation o) {
    var vpc = cp.getSpec().getVpc();
    var bySelector = vpc.getSubnetIds() == null || vpc.getSecurityGroupIds() == null;
    if (bySelector && p.record().network().subnetIds() == null) {
      var network = p.need(o.network(), Read.NETWORK);
      p.record(p.record().network(p.record().network().resolved(network)));
    }
    return desired(p.record().network());
  }

  /** The desired state, with the subnets and groups of the spec, or as resolved on record. */
  private ProviderDesired desired(NetworkRecord n) {
    var vpc = cp.getSpec().getVpc();
    var subnets = vpc.getSubnetIds() != null ? vpc.getSubnetIds() : orEmpty(n.subnetIds());
    var groups =
        vpc.getSecurityGroupIds() != null
            ? vpc.getSecurityGroupIds()
            : orEmpty(n.securityGroupIds());
    return ProviderDesired.of(cp, subnets, groups, owner.tag());
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }

  private Wait wait(Reason reason, String message) {
    return new Wait(Outcome.waiting(reason, message, pace.poll()));
  }
}
