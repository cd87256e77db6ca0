package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
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
    if (!applies(p.record(), target)) {
      return promote.decide(p, o, target);
    }
    // Before any projection: a function at zero does not roll out, so a plan lists no steps.
    var atZero = revert.suspended(p, o, target, now);
    if (atZero != null) {
      return atZero;
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

  /**
   * Before $LATEST changes for a new spec: a rollout of another candidate is superseded, and its
   * canary loses its traffic at once (the new one starts from the same stable version later).
   */
  boolean unlessSuperseded(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var s = p.record().rollout();
    if (s == null || !s.progressing() || d.configHash().equals(s.candidateHash())) {
      return true;
    }
    var alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    var observed =
        alias == null ? null : Route.observed(alias.version(), alias.additionalVersionWeights());
    var decision =
        machine.decide(p, o, machine.input(s, Candidate.preparing(null, d.configHash()), observed));
    machine.carry(p, decision, observed);
    if (decision.route() == null && observed != null && observed.weighted()) {
      // AllAtOnce now: the old canary still leaves the alias before the new version takes it.
      p.add(new PointAlias(d.alias(), observed.version(), VersionRef.of(s.stableVersion())));
      p.record(p.record().alias(s.stableVersion(), null));
    }
    return true;
  }

  /** A new version failed to start during a rollout: the rollout ends, the alias stays stable. */
  void afterFailure(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var s = p.record().rollout();
    if (s == null || !s.progressing() || p.projecting()) {
      return;
    }
    var alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    var observed =
        alias == null ? null : Route.observed(alias.version(), alias.additionalVersionWeights());
    var failed = p.record().published();
    var read = o.version().present() ? o.version().value() : null;
    var why =
        read == null || read.stateReasonCode() == null
            ? "it failed to start"
            : read.stateReasonCode() + ": " + read.stateReason();
    var candidate = Candidate.failed(failed.failedVersion(), d.configHash(), why);
    machine.carry(p, machine.decide(p, o, machine.input(s, candidate, observed)), observed);
  }

  /** Whether this version's way onto the alias is a rollout's business. */
  private boolean applies(FunctionRecord r, VersionRef target) {
    var s = r.rollout();
    if (s != null && s.progressing()) {
      return true;
    }
    if (s != null && s.reverted() && d.configHash().equals(s.candidateHash())) {
      return true;
    }
    return d.rollout().gradual() && !target.is(r.served().aliasVersion());
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
