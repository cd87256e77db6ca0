package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Adopt;
import dev.lmi.operator.reconciler.plan.FunctionAction.RecordUid;
import dev.lmi.operator.status.Outcome;

/**
 * Whether an LmiFunction may write the function AWS has under its name, decided by the owner tag
 * alone: never by the status, which whoever can write it could forge. GetFunction returns the tags,
 * so the check costs no call.
 */
final class FunctionClaim {
  private FunctionClaim() {}

  /** True when the object may go on: its tag, an older operator's tag, or an adoption. */
  static boolean decide(
      Path<FunctionAction, FunctionRecord> p, Owner owner, String awsName, FunctionView view) {
    var found = view.tags().get(Api.OWNER_TAG);
    switch (owner.claim(found)) {
      case OURS -> {
        return true;
      }
      case OURS_BY_NAME -> {
        p.add(new RecordUid(view.arn(), owner.tag()));
        return true;
      }
      case UNTAGGED -> {
        if (!owner.adoptRequested()) {
          return refuse(p, Refusals.unowned("function", awsName));
        }
        if (!view.lmi()) {
          return refuse(p, Refusals.notLmi(awsName));
        }
        p.add(new Adopt(view.arn(), owner.tag()));
        return true;
      }
      default -> {
        return refuse(p, Refusals.ownedByAnother("function", awsName, found));
      }
    }
  }

  private static boolean refuse(Path<FunctionAction, FunctionRecord> p, Outcome refusal) {
    p.record(p.record().refused());
    p.end(refusal);
    return false;
  }
}
