package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Requested and applied FunctionScalingConfig of one published version. */
final class ScalingState {
  ObjectNode applied;
  ObjectNode requested;
  long settleAt;

  static ScalingState initial() {
    var s = new ScalingState();
    s.applied = Json.object().put("MinExecutionEnvironments", 3);
    return s;
  }

  int minEnvironments() {
    var source = requested != null ? requested : applied;
    return source.path("MinExecutionEnvironments").asInt(3);
  }

  boolean deactivates() {
    var source = requested != null ? requested : applied;
    return source.path("MinExecutionEnvironments").asInt(3) == 0
        && source.path("MaxExecutionEnvironments").asInt(-1) == 0;
  }
}
