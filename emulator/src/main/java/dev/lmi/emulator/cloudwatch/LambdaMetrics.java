package dev.lmi.emulator.cloudwatch;

import dev.lmi.emulator.cloudwatch.Series.Sample;
import dev.lmi.emulator.lambda.Invocation;
import dev.lmi.emulator.lambda.Invocation.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes what Invoke does as AWS/Lambda metrics, at 1-minute resolution: Invocations, Errors (0
 * or 1 per invocation, so their Average is the error rate) and Duration for every invocation that
 * ran, Throttles for each one refused. Each goes to the dimension sets Lambda uses: none (all
 * functions), FunctionName, FunctionName + Resource (function:qualifier, when the caller named a
 * version or alias) and, for an alias, FunctionName + Resource + ExecutedVersion.
 */
public final class LambdaMetrics implements Invocation.Sink {
  static final String NAMESPACE = "AWS/Lambda";
  private final CloudWatchState state;

  public LambdaMetrics(CloudWatchState state) {
    this.state = state;
  }

  @Override
  public void record(Invocation i) {
    synchronized (state) {
      var now = state.now();
      for (var dimensions : dimensionSets(i)) {
        if (i.outcome() == Outcome.THROTTLED) {
          put(dimensions, "Throttles", 1, "Count", now);
          continue;
        }
        put(dimensions, "Invocations", 1, "Count", now);
        put(dimensions, "Errors", i.outcome() == Outcome.FUNCTION_ERROR ? 1 : 0, "Count", now);
        put(dimensions, "Duration", i.durationMillis(), "Milliseconds", now);
      }
    }
  }

  static List<Map<String, String>> dimensionSets(Invocation i) {
    var sets = new ArrayList<Map<String, String>>();
    sets.add(Map.of());
    var byFunction = new LinkedHashMap<String, String>();
    byFunction.put("FunctionName", i.functionName());
    sets.add(byFunction);
    if (i.qualifier() != null) {
      var byResource = new LinkedHashMap<>(byFunction);
      byResource.put("Resource", i.functionName() + ":" + i.qualifier());
      sets.add(byResource);
      if (i.alias()) {
        var byVersion = new LinkedHashMap<>(byResource);
        byVersion.put("ExecutedVersion", i.executedVersion());
        sets.add(byVersion);
      }
    }
    return sets;
  }

  /** A full store drops Lambda's data points (an invocation never fails for metrics). */
  private void put(Map<String, String> dims, String name, double value, String unit, long now) {
    state.metrics.add(MetricKey.of(NAMESPACE, name, dims), now, Sample.of(value), false, unit);
  }
}
