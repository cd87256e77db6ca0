package dev.lmi.operator.reconciler.plan;

import java.util.List;

/**
 * One step of a plan: something the operator does in AWS, or a wait for AWS. A plan lists every
 * step from what AWS holds now to the spec; the operator carries out the steps up to the first
 * wait, then plans again from what AWS reports.
 */
public interface PlannedAction {
  /** A stable name for the JSON output and status.plan: "UpdateSettings", "Publish", "Wait"... */
  default String type() {
    return getClass().getSimpleName();
  }

  /** What the step does, in words: "publish version 4". Environment values never appear. */
  String text();

  /** The AWS write operations the step calls, one entry per call (empty for waits). */
  List<String> writes();

  /** A wait: the operator stops here until AWS has done its part. */
  default boolean waits() {
    return false;
  }
}
