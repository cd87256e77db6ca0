package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/** The terminal outcomes of ownership: what was refused, who owns it, and what the user can do. */
public final class Refusals {
  private Refusals() {}

  /** An AWS resource of this name that no object owns: adopt it on request, or pick a name. */
  static Outcome unowned(String what, String awsName) {
    return Outcome.terminal(
        Reason.NotOwned,
        "a "
            + what
            + " named "
            + awsName
            + " exists in AWS and was not created by this operator; annotate with "
            + Api.ADOPT_ANNOTATION
            + "=\"true\" to adopt it, or set spec.awsName to another name");
  }

  /** An AWS resource another object, cluster or uid owns: nobody else may touch it. */
  static Outcome ownedByAnother(String what, String awsName, String found) {
    return Outcome.terminal(
        Reason.NotOwned,
        what
            + " "
            + awsName
            + " in AWS is owned by "
            + Ownership.describe(found)
            + "; no other object may change, adopt or delete it, whatever its annotations. Set"
            + " spec.awsName to another name, or release it in AWS by removing its "
            + Api.OWNER_TAG
            + " tag");
  }

  /** The refusal for a tag that does not name the object: untagged, or someone else's. */
  static Outcome notOwned(String what, String awsName, String found) {
    return found == null || found.isBlank()
        ? unowned(what, awsName)
        : ownedByAnother(what, awsName, found);
  }

  /** A standard Lambda function under the name: it can never become an LMI function. */
  public static Outcome notLmi(String awsName) {
    return Outcome.terminal(
        Reason.NotLmiFunction,
        "function "
            + awsName
            + " exists as a standard Lambda function; a function cannot move to Lambda Managed"
            + " Instances: delete it in AWS or set spec.awsName to another name");
  }

  /** Why a cleanup leaves a resource in AWS: its owner tag does not name this object. */
  static String retained(String what, String awsName, String found) {
    return what
        + " "
        + awsName
        + (found == null ? " has no owner tag" : " is owned by " + Ownership.describe(found))
        + "; left in AWS";
  }
}
