package dev.lmi.operator.aws;

import java.time.Instant;
import java.util.List;

/** The CloudWatch reads a rollout's analysis makes: alarm states and a version's invocations. */
public interface MetricsGateway {

  /**
   * The state of each named alarm (metric or composite), in the order given; a name that matches no
   * alarm is reported {@link AlarmView.State#MISSING}, never left out.
   */
  List<AlarmView> alarmStates(List<String> names);

  /**
   * Sums of AWS/Lambda Invocations and Errors of {@code version} when invoked through {@code alias}
   * (dimensions FunctionName, Resource = function:alias, ExecutedVersion) over [from, to), at
   * one-minute periods, the finest Lambda publishes: from is rounded down to the minute.
   */
  InvocationCounts versionInvocations(
      String function, String alias, String version, Instant from, Instant to);
}
