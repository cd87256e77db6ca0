package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.ProviderTunables;
import dev.lmi.operator.status.Outcome;
import java.util.Collections;
import java.util.List;

/** The steps a capacity provider's plan is made of, each with the AWS calls it writes. */
public sealed interface ProviderAction extends PlannedAction {

  /** Interface or gateway VPC endpoints for the private services the VPC cannot reach. */
  record CreateEndpoints(NetworkPlan network) implements ProviderAction {
    public String text() {
      return "create VPC endpoints in "
          + network.vpcId()
          + " for "
          + String.join(", ", network.missingServices());
    }

    public List<String> writes() {
      return Collections.nCopies(network.missingServices().size(), "CreateVpcEndpoint");
    }
  }

  record Create(ProviderDesired desired) implements ProviderAction {
    public String text() {
      return "create capacity provider "
          + desired.name()
          + " ("
          + desired.fixed().architecture()
          + ")";
    }

    public List<String> writes() {
      return List.of("CreateCapacityProvider");
    }
  }

  /** The owner tag names this object without its uid (an older operator's): the uid is added. */
  record RecordUid(String arn, String tag) implements ProviderAction {
    public String text() {
      return "record this object's uid in the owner tag";
    }

    public List<String> writes() {
      return List.of("TagResource");
    }
  }

  /** A provider no operator created, adopted on request: it gets this object's owner tag. */
  record Adopt(String arn, String tag) implements ProviderAction {
    public String text() {
      return "adopt the existing capacity provider (set its owner tag)";
    }

    public List<String> writes() {
      return List.of("TagResource");
    }
  }

  /** UpdateCapacityProvider: scaling, tag propagation and telemetry, the in-place settings. */
  record Update(List<Change> changes, ProviderTunables tunables) implements ProviderAction {
    public String text() {
      return "update: " + Change.text(changes);
    }

    public List<String> writes() {
      return List.of("UpdateCapacityProvider");
    }
  }

  record Delete(String name) implements ProviderAction {
    public String text() {
      return "delete capacity provider " + name;
    }

    public List<String> writes() {
      return List.of("DeleteCapacityProvider");
    }
  }

  /** The endpoints this provider created, those whose owner tag still names it. */
  record DeleteEndpoints(List<String> endpointIds) implements ProviderAction {
    public String text() {
      return "delete VPC endpoints " + String.join(", ", endpointIds) + " (those it owns)";
    }

    public List<String> writes() {
      return List.of("DeleteVpcEndpoints");
    }
  }

  /** deletionPolicy Retain: the owner tag loses the uid, for the next object of the same name. */
  record Release(String arn, String tag) implements ProviderAction {
    public String text() {
      return "leave the capacity provider in AWS for the next object of this name";
    }

    public List<String> writes() {
      return List.of("TagResource");
    }
  }

  /** AWS is working: the operator looks again after the outcome's requeue. */
  record Wait(Outcome outcome) implements ProviderAction, Waiting {}
}
