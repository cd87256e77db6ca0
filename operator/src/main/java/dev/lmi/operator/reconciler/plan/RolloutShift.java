package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.rollout.Candidate;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.rollout.Rollouts;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Instant;
import java.util.Map;

/**
 * A new version's way onto the alias when spec.rollout has steps: its scaling first, then the
 * weighted steps the rollout state machine ({@link Rollouts}) decides, one look at a time, then
 * {@link PromotePlan}. Without steps, or once the alias serves the version alone, it is {@link
 * PromotePlan} at once. The state lives in the record (status.rollout) and the alias in AWS, so any
 * operator resumes a rollout where another left it.
 */
final class RolloutShift {
  private final FunctionDesired d;
  private final Pace pace;
  private final Instant now;
  private final Command command;
  private final VersionScaling scaling;
  private final PromotePlan promote;
  private final RolloutGate gate;
  private final RolloutMachine machine;
  private final RolloutRevert revert;
  private final RolloutAtZero atZero;

  /**
   * @param room what the provider holds besides this function (null: not known, not checked)
   */
  RolloutShift(
      FunctionDesired desired, Pace pace, Instant now, Command command, ProviderRoom room) {
    this.d = desired;
    this.pace = pace;
    this.now = now;
    this.command = command;
    this.scaling = new VersionScaling(desired, pace, room);
    this.promote = new PromotePlan(desired, pace, scaling);
    this.gate = new RolloutGate(desired, pace, room);
    this.machine = new RolloutMachine(desired, now, command);
    this.revert = new RolloutRevert(desired, pace, room);
    this.atZero = new RolloutAtZero(desired, pace);
  }

  /** The same, checked against what the provider holds for the other functions on it. */
  RolloutShift within(ProviderRoom room) {
    return new RolloutShift(d, pace, now, command, room);
  }

  /** Whether the provider holds the new version next to the stable one; see {@link RolloutGate}. */
  boolean room(Path<FunctionAction, FunctionRecord> p) {
    return gate.room(p);
  }

  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decide(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    if (!gate.applies(p.record(), target)) {
      return promote.decide(p, o, target);
    }
    var suspended = atZero.decide(p, o, target, now);
    if (suspended != null) {
      return suspended;
    }
    if (p.projecting()) {
      return RolloutProjection.steps(p, o, target, d, scaling, promote);
    }
    var alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    var s = p.record().rollout();
    if (alias == null || servesAlone(alias, target) && (s == null || !s.progressing())) {
      return promote.decide(p, o, target);
    }
    return look(p, o, target, alias);
  }

  /** One look at a rollout of the target: scaling, the state machine's decision, its steps. */
  private Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> look(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef target,
      AliasView alias) {
    var s = p.record().rollout();
    var observed = Route.observed(alias.version(), alias.additionalVersionWeights());
    // A rolled-back canary is left asleep: it takes no traffic until the spec changes.
    var reverted = s != null && s.reverted() && d.configHash().equals(s.candidateHash());
    var settled = reverted || scaling.settle(p, o, target);
    if (p.ended()) {
      return p.decision(null);
    }
    var candidate =
        settled
            ? Candidate.ready(target.number(), d.configHash())
            : Candidate.preparing(target.number(), d.configHash());
    var in = machine.input(s, candidate, observed);
    if (candidate.ready() && gate.starting(s, observed, target)) {
      var stable = p.need(o.stable(), FunctionPlan.Read.STABLE);
      if (!revert.awake(p, stable, "before the rollout starts")) {
        return p.decision(null);
      }
      in = in.withSplitRefusal(gate.splitRefusal(stable));
    }
    var decision = machine.decide(p, o, in);
    if (RolloutRevert.backToStable(decision, observed)) {
      var stable = p.need(o.stable(), FunctionPlan.Read.STABLE);
      if (!revert.ready(stable)) {
        // The decision goes on record now; the alias follows once the stable version is Active.
        machine.carry(p, decision, null);
        revert.awake(p, stable, "before it takes all traffic again");
        return p.decision(null);
      }
    }
    machine.carry(p, decision, observed);
    return switch (decision.kind()) {
      case NONE ->
          settled || !d.rollout().gradual()
              ? promote.decide(p, o, target, settled, false)
              : hold(p, waiting(candidate, observed), pace.poll());
      case PROMOTE -> promote.decide(p, o.withAlias(alone(alias, target)), target, true, true);
      case DONE, ROLL_BACK, ABORT -> revert.ended(p, target, decision.message());
      default -> hold(p, decision.message(), decision.requeue());
    };
  }

  private Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> hold(
      Path<FunctionAction, FunctionRecord> p, String message, java.time.Duration requeue) {
    p.add(
        new Wait(
            Outcome.waiting(Reason.RollingOut, message, requeue == null ? pace.poll() : requeue)));
    return p.decision(null);
  }

  private static String waiting(Candidate c, Route observed) {
    return "AWS is applying the scaling of version "
        + c.version()
        + " before its rollout; all traffic on version "
        + observed.version();
  }

  private static boolean servesAlone(AliasView alias, VersionRef target) {
    return target.is(alias.version()) && alias.additionalVersionWeights().isEmpty();
  }

  private static Seen<AliasView> alone(AliasView alias, VersionRef target) {
    return Seen.of(new AliasView(alias.name(), alias.arn(), target.number(), Map.of()));
  }
}
