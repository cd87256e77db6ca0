package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.rollout.Notice;
import dev.lmi.operator.status.Outcome;
import java.util.Collections;
import java.util.List;

/** The steps a function's plan is made of, each with the AWS calls it writes. */
public sealed interface FunctionAction extends PlannedAction {

  /** CreateFunction with Publish: the function and its first version in one call. */
  record Create(String name, String codeIdentity) implements FunctionAction {
    public String text() {
      return "create function " + name + " from " + codeIdentity + " and publish version 1";
    }

    public List<String> writes() {
      return List.of("CreateFunction");
    }
  }

  /** The owner tag names this object without its uid (an older operator's): the uid is added. */
  record RecordUid(String arn, String tag) implements FunctionAction {
    public String text() {
      return "record this object's uid in the owner tag";
    }

    public List<String> writes() {
      return List.of("TagResource");
    }
  }

  /** A function no operator created, adopted on request: it gets this object's owner tag. */
  record Adopt(String arn, String tag) implements FunctionAction {
    public String text() {
      return "adopt the existing function (set its owner tag)";
    }

    public List<String> writes() {
      return List.of("TagResource");
    }
  }

  /** UpdateFunctionConfiguration with every setting of the spec; the changes name the reason. */
  record UpdateSettings(List<Change> changes) implements FunctionAction {
    public String text() {
      return "update configuration: " + Change.text(changes);
    }

    public List<String> writes() {
      return List.of("UpdateFunctionConfiguration");
    }
  }

  /** UpdateFunctionCode, then the code tag that records which code $LATEST runs. */
  record UpdateCode(String from, String to) implements FunctionAction {
    public String text() {
      return "update code: " + (from == null ? "unknown" : from) + " → " + to;
    }

    public List<String> writes() {
      return List.of("UpdateFunctionCode", "TagResource");
    }
  }

  /** PublishVersion of $LATEST, stamped with the configuration it is made of. */
  record Publish(VersionRef version) implements FunctionAction {
    public String text() {
      return "publish version " + version;
    }

    public List<String> writes() {
      return List.of("PublishVersion");
    }
  }

  record CreateAlias(String alias, VersionRef version) implements FunctionAction {
    public String text() {
      return "create alias " + alias + " → " + version;
    }

    public List<String> writes() {
      return List.of("CreateAlias");
    }
  }

  /** UpdateAlias to serve one version, dropping any weighted routing. */
  record PointAlias(String alias, String from, VersionRef to) implements FunctionAction {
    public String text() {
      return to.is(from)
          ? "route alias " + alias + " to version " + to + " alone (drop weighted routing)"
          : "move alias " + alias + " " + from + " → " + to;
    }

    public List<String> writes() {
      return List.of("UpdateAlias");
    }
  }

  /**
   * UpdateAlias with weighted routing: {@code weight} percent to the canary, the rest to stable;
   * {@code held} says, in a plan's projection, how long the step lasts and what it checks.
   */
  record RouteAlias(String alias, String stable, VersionRef canary, int weight, String held)
      implements FunctionAction {
    public RouteAlias(String alias, String stable, VersionRef canary, int weight) {
      this(alias, stable, canary, weight, null);
    }

    public String text() {
      return "route alias "
          + alias
          + ": "
          + weight
          + "% to version "
          + canary
          + ", "
          + (100 - weight)
          + "% to version "
          + stable
          + (held == null ? "" : " " + held);
    }

    public List<String> writes() {
      return List.of("UpdateAlias");
    }
  }

  /** A rollout's Kubernetes Event (started, step passed, rolled back...): no AWS write. */
  record Announce(Notice notice) implements FunctionAction {
    public String text() {
      return "event " + notice.reason() + ": " + notice.message();
    }

    public List<String> writes() {
      return List.of();
    }
  }

  /** The lmi.dev/rollout annotation was acted on: it is removed from the object, not from AWS. */
  record ClearCommand(Command command) implements FunctionAction {
    public String text() {
      return "remove the annotation lmi.dev/rollout ("
          + command.name().toLowerCase(java.util.Locale.ROOT)
          + ")";
    }

    public List<String> writes() {
      return List.of();
    }
  }

  record PutScaling(VersionRef version, Integer min, Integer max) implements FunctionAction {
    public String text() {
      return "put scaling on "
          + version
          + " (min "
          + min
          + ", max "
          + (max == null ? "unbounded" : max)
          + ")";
    }

    public List<String> writes() {
      return List.of("PutFunctionScalingConfig");
    }
  }

  /** Deletes old versions past keepVersions, and failed ones; {@code keep} are the rest. */
  record PruneVersions(List<String> versions, List<String> keep) implements FunctionAction {
    public String text() {
      return "prune version" + (versions.size() > 1 ? "s " : " ") + String.join(", ", versions);
    }

    public List<String> writes() {
      return Collections.nCopies(versions.size(), "DeleteFunction");
    }
  }

  /**
   * Min = max = 0 on retained versions no alias routes to: Lambda deactivates them, and they stop
   * holding (and costing) execution environments until one is woken for a rollback.
   */
  record Deactivate(List<String> versions) implements FunctionAction {
    public String text() {
      return "scale retained version"
          + (versions.size() > 1 ? "s " : " ")
          + String.join(", ", versions)
          + " to zero (deactivated until an alias needs "
          + (versions.size() > 1 ? "them" : "it")
          + ")";
    }

    public List<String> writes() {
      return Collections.nCopies(versions.size(), "PutFunctionScalingConfig");
    }
  }

  /** DeleteAlias, then DeleteFunction. */
  record Delete(String name, String alias) implements FunctionAction {
    public String text() {
      return "delete alias " + alias + " and function " + name;
    }

    public List<String> writes() {
      return List.of("DeleteAlias", "DeleteFunction");
    }
  }

  /** deletionPolicy Retain: the owner tag loses the uid, for the next object of the same name. */
  record Release(String arn, String tag) implements FunctionAction {
    public String text() {
      return "leave the function in AWS for the next object of this name";
    }

    public List<String> writes() {
      return List.of("TagResource");
    }
  }

  /** AWS is working: the operator looks again after the outcome's requeue. */
  record Wait(Outcome outcome) implements FunctionAction, Waiting {}
}
