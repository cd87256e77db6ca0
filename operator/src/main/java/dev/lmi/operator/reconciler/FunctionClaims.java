package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an LmiFunction may write the function AWS has under its name, decided by the owner tag
 * alone: never by the status, which whoever can write it could forge. Every GetFunction returns the
 * tags, so the check costs no call; the few polls that skip GetFunction (a publish or scaling under
 * way) rely on a check this process made earlier for the same object and function.
 */
final class FunctionClaims {
  private final EventRecorder events;
  private final OperatorSettings settings;
  // uid -> the ARN of the function whose owner tag named that object when this process read it.
  private final Map<String, String> verified = new ConcurrentHashMap<>();

  FunctionClaims(EventRecorder events, OperatorSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  /** True when this process found the function's owner tag naming this object. */
  boolean verified(LmiFunction fn, String functionArn) {
    return functionArn != null && functionArn.equals(verified.get(fn.getMetadata().getUid()));
  }

  /** Records a function this object just created, with its owner tag. */
  void created(LmiFunction fn, String functionArn) {
    verified.put(fn.getMetadata().getUid(), functionArn);
  }

  void forget(String uid) {
    verified.remove(uid);
  }

  /**
   * Null when the object may write the function: its tag names the object (an older operator's tag
   * without the uid gets the uid, once), or it has no owner tag and the object asks to adopt it.
   * Otherwise the outcome that refuses it, naming the owner.
   */
  Outcome claim(LmiFunction fn, String awsName, Gateways gw, FunctionView view) {
    var found = view.tags().get(Api.OWNER_TAG);
    var owner = FunctionDesired.owner(settings.clusterName(), fn);
    var claim =
        Ownership.claim(found, FunctionDesired.identity(settings.clusterName(), fn), uid(fn));
    switch (claim) {
      case OURS -> {}
      case OURS_BY_NAME -> {
        gw.functions().tag(view.arn(), Map.of(Api.OWNER_TAG, owner));
        events.normal(fn, "Claimed", "recorded this object's uid in the owner tag of " + awsName);
      }
      case UNTAGGED -> {
        if (!adoptionRequested(fn)) {
          return unowned(awsName);
        }
        if (!view.lmi()) {
          return notLmi(awsName);
        }
        gw.functions().tag(view.arn(), Map.of(Api.OWNER_TAG, owner));
        events.normal(fn, "Adopted", "adopted existing function " + view.arn());
      }
      default -> {
        return Outcome.terminal(Reason.NotOwned, ownedByAnother(awsName, found));
      }
    }
    verified.put(uid(fn), view.arn());
    return null;
  }

  /** Whether a cleanup may delete (or release) the function: its owner tag names this object. */
  boolean deletable(LmiFunction fn, FunctionView view) {
    var claim =
        Ownership.claim(
            view.tags().get(Api.OWNER_TAG),
            FunctionDesired.identity(settings.clusterName(), fn),
            uid(fn));
    return claim == Ownership.Claim.OURS || claim == Ownership.Claim.OURS_BY_NAME;
  }

  /**
   * Deleted with deletionPolicy Retain: the owner tag loses this object's uid, so the function
   * passes to the next object of the same name (the same namespace), and to no other.
   */
  void release(LmiFunction fn, Gateways gw, FunctionView view) {
    var found = view.tags().get(Api.OWNER_TAG);
    if (Objects.equals(found, FunctionDesired.owner(settings.clusterName(), fn))) {
      var identity = FunctionDesired.identity(settings.clusterName(), fn);
      gw.functions().tag(view.arn(), Map.of(Api.OWNER_TAG, identity));
      events.normal(
          fn,
          "Released",
          "deletionPolicy Retain: function left in AWS; a new LmiFunction of the same name may"
              + " manage it");
    }
  }

  private static boolean adoptionRequested(LmiFunction fn) {
    var annotations = fn.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(Api.ADOPT_ANNOTATION));
  }

  private static Outcome unowned(String awsName) {
    return Outcome.terminal(
        Reason.NotOwned,
        "a function named "
            + awsName
            + " exists in AWS and was not created by this operator; annotate with "
            + Api.ADOPT_ANNOTATION
            + "=\"true\" to adopt it, or set spec.awsName to another name");
  }

  static Outcome notLmi(String awsName) {
    return Outcome.terminal(
        Reason.NotLmiFunction,
        "function "
            + awsName
            + " exists as a standard Lambda function; a function cannot move to Lambda Managed"
            + " Instances: delete it in AWS or set spec.awsName to another name");
  }

  static String ownedByAnother(String awsName, String found) {
    return "function "
        + awsName
        + " in AWS is owned by "
        + Ownership.describe(found)
        + "; no other object may change, adopt or delete it, whatever its annotations. Set"
        + " spec.awsName to another name, or release it in AWS by removing its "
        + Api.OWNER_TAG
        + " tag";
  }

  private static String uid(LmiFunction fn) {
    return fn.getMetadata().getUid();
  }
}
