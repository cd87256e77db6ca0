package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.rollout.Candidate;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.rollout.Route;
import java.time.Instant;

/**
 * A rollout under way whose candidate is gone before its steps could decide anything: superseded by
 * a new spec (its canary loses its traffic before $LATEST changes), or its version failed to start
 * (the rollout ends, the alias stays on the stable version).
 */
final class LostCandidate {
  private final FunctionDesired d;
  private final RolloutMachine machine;

  LostCandidate(FunctionDesired desired, Instant now, Command command) {
    this.d = desired;
    this.machine = new RolloutMachine(desired, now, command);
  }

  /**
   * Before $LATEST changes for a new spec: a rollout of another candidate is superseded, and its
   * canary loses its traffic at once (the new one starts from the same stable version later).
   */
  void superseded(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var s = p.record().rollout();
    if (s == null || !s.progressing() || d.configHash().equals(s.candidateHash())) {
      return;
    }
    var observed = observed(p, o);
    var decision =
        machine.decide(p, o, machine.input(s, Candidate.preparing(null, d.configHash()), observed));
    machine.carry(p, decision, observed);
    if (decision.route() == null && observed != null && observed.weighted()) {
      // AllAtOnce now: the old canary still leaves the alias before the new version takes it.
      p.add(new PointAlias(d.alias(), observed.version(), VersionRef.of(s.stableVersion())));
      p.record(p.record().alias(s.stableVersion(), null));
    }
  }

  /** A new version failed to start during a rollout: the rollout ends, the alias stays stable. */
  void failed(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var s = p.record().rollout();
    if (s == null || !s.progressing() || p.projecting()) {
      return;
    }
    var observed = observed(p, o);
    var failed = p.record().published();
    var read = o.version().present() ? o.version().value() : null;
    var why =
        read == null || read.stateReasonCode() == null
            ? "it failed to start"
            : read.stateReasonCode() + ": " + read.stateReason();
    var candidate = Candidate.failed(failed.failedVersion(), d.configHash(), why);
    machine.carry(p, machine.decide(p, o, machine.input(s, candidate, observed)), observed);
  }

  /** The alias's route as AWS has it; null when there is no alias. */
  private static Route observed(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    return alias == null ? null : Route.observed(alias.version(), alias.additionalVersionWeights());
  }
}
