package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.reconciler.plan.FunctionAction.Announce;
import dev.lmi.operator.reconciler.plan.FunctionAction.ClearCommand;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.RouteAlias;
import dev.lmi.operator.rollout.Candidate;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.rollout.RolloutDecision;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import dev.lmi.operator.rollout.RolloutInput;
import dev.lmi.operator.rollout.RolloutState;
import dev.lmi.operator.rollout.Rollouts;
import dev.lmi.operator.rollout.Route;
import java.time.Instant;

/**
 * The rollout state machine ({@link Rollouts}) inside a plan: its input from the record and the
 * observation, CloudWatch asked for as one more read, and its decision written as steps.
 */
final class RolloutMachine {
  private final FunctionDesired d;
  private final Instant now;
  private final Command command;

  RolloutMachine(FunctionDesired desired, Instant now, Command command) {
    this.d = desired;
    this.now = now;
    this.command = command;
  }

  RolloutInput input(RolloutState s, Candidate c, Route observed) {
    return new RolloutInput(d.rollout(), s, c, observed, null, command, now);
  }

  /** The state machine's decision, with CloudWatch read first when it asks. */
  static RolloutDecision decide(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, RolloutInput in) {
    var decision = Rollouts.decide(in);
    if (decision.kind() != Kind.READ) {
      return decision;
    }
    var readings = p.need(o.readings(), FunctionPlan.Read.ANALYSIS, decision.read());
    return Rollouts.decide(in.withReadings(readings));
  }

  /** The decision's route (when AWS differs), Events, annotation and state, in that order. */
  void carry(Path<FunctionAction, FunctionRecord> p, RolloutDecision decision, Route observed) {
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
}
