package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Announce;
import dev.lmi.operator.reconciler.plan.FunctionAction.ClearCommand;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.RouteAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.rollout.Candidate;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.rollout.RolloutCapacity;
import dev.lmi.operator.rollout.RolloutDecision;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import dev.lmi.operator.rollout.RolloutInput;
import dev.lmi.operator.rollout.RolloutState;
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
  private final PromotePlan promote;

  RolloutShift(FunctionDesired desired, Pace pace, Instant now, Command command) {
    this.d = desired;
    this.pace = pace;
    this.now = now;
    this.command = command;
    this.promote = new PromotePlan(desired, pace);
  }

  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decide(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    if (!applies(p.record(), target)) {
      return promote.decide(p, o, target);
    }
    if (p.projecting()) {
      return RolloutProjection.steps(p, o, target, d, promote);
    }
    var alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    var s = p.record().rollout();
    if (alias == null || servesAlone(alias, target) && (s == null || !s.progressing())) {
      return promote.decide(p, o, target);
    }
    var observed = Route.observed(alias.version(), alias.additionalVersionWeights());
    var settled = promote.scale(p, o, target);
    var candidate =
        settled
            ? Candidate.ready(target.number(), d.configHash())
            : Candidate.preparing(target.number(), d.configHash());
    var in = input(s, candidate, observed);
    if (candidate.ready() && starting(s, observed, target)) {
      in = in.withSplitRefusal(splitRefusal(p.need(o.stable(), FunctionPlan.Read.STABLE)));
    }
    var decision = decide(p, o, in);
    carry(p, decision, observed);
    return switch (decision.kind()) {
      case NONE ->
          settled || !d.rollout().gradual()
              ? promote.decide(p, o, target, settled, false)
              : hold(p, waiting(candidate, observed), pace.poll());
      case PROMOTE -> promote.decide(p, o.withAlias(alone(alias, target)), target, true, true);
      case DONE, ROLL_BACK, ABORT -> {
        p.end(Outcome.terminal(Reason.RolledBack, decision.message()));
        yield p.decision(null);
      }
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
    var decision = decide(p, o, input(s, Candidate.preparing(null, d.configHash()), observed));
    carry(p, decision, observed);
    if (decision.route() == null && observed != null && observed.weighted()) {
      // AllAtOnce now: the old canary still leaves the alias before the new version takes it.
      p.add(new PointAlias(d.alias(), observed.version(), VersionRef.of(s.stableVersion())));
      p.record(p.record().alias(s.stableVersion(), null));
    }
    return true;
  }

  /**
   * Before a version is published for a rollout: both versions hold their minimum environments
   * while it lasts, so the provider's maxVCpuCount must hold the new one's next to the stable one's
   * (other functions on the provider are not counted). False, with the plan ended, when it cannot.
   */
  boolean room(Path<FunctionAction, FunctionRecord> p) {
    var r = p.record();
    var stable = r.served().aliasVersion();
    if (!d.rollout().gradual()
        || d.providerMaxVCpu() == null
        || stable == null
        || d.configHash().equals(r.published().hash())) {
      return true;
    }
    var perEnvironment = d.vCpuPerEnvironment();
    var stableMin =
        r.served().scalingRecordedFor(stable) && r.served().min() != null
            ? r.served().min()
            : d.minExecutionEnvironments();
    var arn = d.settings().capacityProviderArn();
    var figures =
        new RolloutCapacity.Figures(
            arn == null ? "?" : arn.substring(arn.lastIndexOf(':') + 1),
            d.providerMaxVCpu(),
            stableMin * perEnvironment,
            stable,
            stableMin * perEnvironment,
            d.minExecutionEnvironments(),
            perEnvironment);
    var refusal = RolloutCapacity.refusal(figures);
    refusal.ifPresent(
        why -> p.end(Outcome.terminal(Reason.RolledBack, "rollout not started: " + why)));
    return refusal.isEmpty();
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
    var candidate = Candidate.failed(failed.failedVersion(), d.configHash(), "it failed to start");
    carry(p, decide(p, o, input(s, candidate, observed)), observed);
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

  /** A rollout may start from the alias's version now: the one moment its split is checked. */
  private boolean starting(RolloutState s, Route observed, VersionRef target) {
    if (!d.rollout().gradual() || observed.weighted() || target.is(observed.version())) {
      return false;
    }
    return s == null
        || (s.progressing() ? s.step() == 0 : !d.configHash().equals(s.candidateHash()));
  }

  /**
   * Why AWS would not let the stable version and the new one share a weighted alias, or null. The
   * new version is $LATEST published, so its role is the spec's.
   */
  private String splitRefusal(VersionView stable) {
    var role = d.settings().roleArn();
    if (stable == null || stable.role() == null || role == null || stable.role().equals(role)) {
      return null;
    }
    return "version "
        + stable.version()
        + " runs as "
        + stable.role()
        + " and the new version as "
        + role
        + ": AWS splits an alias only between versions with the same execution role";
  }

  private RolloutInput input(RolloutState s, Candidate c, Route observed) {
    return new RolloutInput(d.rollout(), s, c, observed, null, command, now);
  }

  /** The state machine's decision, with CloudWatch read first when it asks. */
  private static RolloutDecision decide(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, RolloutInput in) {
    var decision = Rollouts.decide(in);
    if (decision.kind() != Kind.READ) {
      return decision;
    }
    var readings = p.need(o.readings(), FunctionPlan.Read.ANALYSIS, decision.read());
    return Rollouts.decide(in.withReadings(readings));
  }

  /** The decision's route (when AWS differs), Events, annotation and state, in that order. */
  private void carry(
      Path<FunctionAction, FunctionRecord> p, RolloutDecision decision, Route observed) {
    var route = decision.route();
    if (route != null && observed != null && !route.equals(observed)) {
      if (route.weighted()) {
        var canary = VersionRef.of(route.canaryVersion());
        p.add(new RouteAlias(d.alias(), route.version(), canary, route.weight()));
      } else {
        p.add(new PointAlias(d.alias(), observed.version(), VersionRef.of(route.version())));
      }
      p.record(p.record().alias(route.version(), null));
    }
    decision.notices().forEach(n -> p.add(new Announce(n)));
    if (decision.clearCommand()) {
      p.add(new ClearCommand(command));
    }
    if (decision.state() != null) {
      p.record(p.record().rollout(decision.state()));
    }
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
