package dev.lmi.operator.rollout;

import dev.lmi.operator.api.LinearRollout;
import dev.lmi.operator.api.RolloutAnalysis;
import dev.lmi.operator.api.RolloutSpec;
import dev.lmi.operator.api.RolloutStatus;
import dev.lmi.operator.api.RolloutStep;
import dev.lmi.operator.api.RolloutStrategy;
import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.aws.InvocationCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for what phase B's plan/apply does around {@link Rollouts#decide}: it keeps the status
 * only as the API server would (through {@link RolloutStatus}, never as the decision's object), the
 * alias as AWS would, answers READ decisions from alarm states and per-version counts the test
 * sets, applies routes, and records Events. Nothing survives a "restart" but status and alias.
 */
final class World {
  static final Instant T0 = Instant.parse("2026-12-01T12:00:30Z");

  Instant now = T0;
  RolloutSpec spec;
  RolloutStatus status;
  Route alias = Route.single("3");
  Candidate candidate = Candidate.ready("4", "hash-4");
  String annotation;
  final Map<String, AlarmView> alarms = new LinkedHashMap<>();
  long invocations;
  long errors;
  final List<Notice> events = new ArrayList<>();
  final List<RolloutDecision> decisions = new ArrayList<>();
  final List<ReadRequest> reads = new ArrayList<>();
  int aliasWrites;

  World(RolloutSpec spec) {
    this.spec = spec;
  }

  /** One reconcile: decide, read when asked, decide again, apply. */
  RolloutDecision look() {
    return look(null);
  }

  /** One reconcile of versions AWS would not split an alias between ({@code splitRefusal}). */
  RolloutDecision look(String splitRefusal) {
    var in =
        new RolloutInput(
            RolloutPlan.of(spec),
            RolloutState.from(status),
            candidate,
            alias,
            null,
            Command.of(annotation),
            now,
            splitRefusal);
    var d = Rollouts.decide(in);
    if (d.kind() == RolloutDecision.Kind.READ) {
      reads.add(d.read());
      d = Rollouts.decide(in.withReadings(answer(d.read())));
    }
    apply(d);
    return d;
  }

  /** Looks every {@code step} until the decision is not HOLD, at most {@code max} times. */
  RolloutDecision lookUntilItMoves(Duration step, int max) {
    var d = look();
    for (var i = 0; i < max && d.kind() == RolloutDecision.Kind.HOLD; i++) {
      now = now.plus(step);
      d = look();
    }
    return d;
  }

  void pass(Duration d) {
    now = now.plus(d);
  }

  void alarm(String name, AlarmView.State state) {
    alarms.put(
        name,
        new AlarmView(
            name,
            state,
            state == AlarmView.State.ALARM
                ? "Threshold Crossed: 1 datapoint [7.0] was greater than the threshold (5.0)"
                : null));
  }

  private Readings answer(ReadRequest r) {
    var states =
        r.alarms().stream().map(n -> alarms.getOrDefault(n, AlarmView.missing(n))).toList();
    InvocationCounts counts = null;
    if (r.metrics()) {
      counts =
          new InvocationCounts(
              r.version(),
              invocations,
              errors,
              r.from().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
              r.to());
    }
    return new Readings(states, counts);
  }

  private void apply(RolloutDecision d) {
    decisions.add(d);
    if (d.route() != null && !d.route().equals(alias)) {
      alias = d.route();
      aliasWrites++;
    } else if (d.route() == null && d.kind() == RolloutDecision.Kind.NONE && candidate.ready()) {
      alias = Route.single(candidate.version());
    }
    if (d.state() != null) {
      status = d.state().toStatus();
    }
    events.addAll(d.notices());
    if (d.clearCommand()) {
      annotation = null;
    }
  }

  static RolloutSpec canary(Object... weightsAndPauses) {
    var spec = new RolloutSpec();
    spec.setStrategy(RolloutStrategy.Canary);
    var steps = new ArrayList<RolloutStep>();
    for (var i = 0; i < weightsAndPauses.length; i += 2) {
      steps.add(new RolloutStep((Integer) weightsAndPauses[i], (String) weightsAndPauses[i + 1]));
    }
    spec.setSteps(steps);
    return spec;
  }

  static RolloutSpec linear(int increment, String interval) {
    var spec = new RolloutSpec();
    spec.setStrategy(RolloutStrategy.Linear);
    spec.setLinear(new LinearRollout(increment, interval));
    return spec;
  }

  static RolloutSpec analysed(
      RolloutSpec spec, List<String> alarms, String maxErrorRate, Integer min) {
    var a = new RolloutAnalysis();
    a.setAlarms(alarms);
    a.setMaxErrorRate(maxErrorRate);
    a.setMinInvocations(min);
    spec.setAnalysis(a);
    return spec;
  }
}
