package dev.lmi.emulator.moto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Outcome of each named step of a call sequence: "ok ..." with key fields, or the error code. */
final class Transcript {
  private final Map<String, String> steps = new LinkedHashMap<>();

  void step(String name, Supplier<Object> call) {
    try {
      steps.put(name, "ok " + call.get());
    } catch (AwsServiceException e) {
      var code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      steps.put(name, "error " + (code == null ? "HTTP " + e.statusCode() : code));
    }
  }

  Map<String, String> steps() {
    return steps;
  }
}
