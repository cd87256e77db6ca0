package dev.lmi.operator.reconciler.plan;

/**
 * A function version in a plan: one AWS numbered, or the one the plan itself publishes, whose
 * number is only a prediction (the next after the newest known) until AWS answers.
 */
public record VersionRef(String number, boolean planned) {

  public static VersionRef of(String number) {
    return new VersionRef(number, false);
  }

  public static VersionRef planned(String predicted) {
    return new VersionRef(predicted, true);
  }

  /** Whether this is the existing version {@code version}. */
  public boolean is(String version) {
    return !planned && number != null && number.equals(version);
  }

  @Override
  public String toString() {
    return number == null ? "the new version" : number;
  }
}
