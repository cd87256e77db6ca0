package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static dev.lmi.operator.reconciler.plan.Fixtures.settled;
import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.reconciler.plan.FunctionPlan.Read;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A version's scaling brought to the spec's: version 3 is served and scaled 3..4 on record. */
class VersionScalingTest {
  private final FunctionDesired d = Fixtures.desired(Fixtures.function());
  private final VersionScaling scaling = new VersionScaling(d, PACE, null);
  private final FunctionObservation none = FunctionObservation.none(true);

  private static List<String> steps(Path<FunctionAction, FunctionRecord> p) {
    return p.decision(null).actions().stream().map(PlannedAction::text).toList();
  }

  @Test
  void aVersionThisOperatorPublishedGetsTheSpecsScalingWithoutAReadFirst() {
    var p = new Path<FunctionAction, FunctionRecord>(fourPublished());

    var settled = scaling.settle(p, none, VersionRef.of("4"));

    assertThat(settled).isFalse();
    assertThat(steps(p)).containsExactly("put scaling on 4 (min 3, max 4)");
    assertThat(p.record().served().scalingInProgress("4")).isTrue();
  }

  @Test
  void aScalingOnRecordIsReadBeforeItIsJudged() {
    var p = new Path<FunctionAction, FunctionRecord>(Fixtures.converged(d, "3"));

    var unknown =
        catchThrowableOfType(Path.Unknown.class, () -> scaling.settle(p, none, VersionRef.of("3")));

    assertThat(unknown.<Read>read()).isEqualTo(Read.SCALING);
  }

  @Test
  void aScalingAwsAppliedIsSettledAndWritesNothing() {
    var p = new Path<FunctionAction, FunctionRecord>(Fixtures.converged(d, "3"));

    var settled = scaling.settle(p, none.withScaling(Seen.of(settled(3, 4))), VersionRef.of("3"));

    assertThat(settled).isTrue();
    assertThat(steps(p)).isEmpty();
  }

  @Test
  void aScalingAskedForAndNotAppliedYetIsNotAskedAgain() {
    var p = new Path<FunctionAction, FunctionRecord>(Fixtures.converged(d, "3"));
    var asked = new ScalingView(1, 2, 3, 4);

    var settled = scaling.settle(p, none.withScaling(Seen.of(asked)), VersionRef.of("3"));

    assertThat(settled).isFalse();
    assertThat(steps(p)).isEmpty();
  }

  @Test
  void aDeactivatedVersionIsWokenOnceNotPutASecondTime() {
    var asleep = fourPublished().versionState("Deactivated");
    var p = new Path<FunctionAction, FunctionRecord>(asleep);

    var settled = scaling.settle(p, none, VersionRef.of("4"));

    assertThat(settled).isFalse();
    assertThat(steps(p)).hasSize(2).first().isEqualTo("put scaling on 4 (min 3, max 4)");
    assertThat(p.decision(null).now()).hasSize(1);
  }

  @Test
  void atZeroADeactivatedVersionIsLeftAsleep() {
    var atZero = new VersionScaling(d.withScaling(0, 0), PACE, null);
    var asleep = fourPublished().versionState("Deactivated");
    var p = new Path<FunctionAction, FunctionRecord>(asleep);

    assertThat(atZero.wake(p, VersionRef.of("4"))).isFalse();
    assertThat(steps(p)).isEmpty();
  }

  private FunctionRecord fourPublished() {
    return Fixtures.converged(d, "3").published(version("4", "Active"), d.configHash());
  }
}
