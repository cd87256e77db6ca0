package dev.lmi.operator.rollout;

/**
 * The version the spec wants live. {@code hash} identifies its code and configuration (as {@code
 * status.publishedHash} does); {@code version} is null while it is not published yet. READY means
 * Active with its scaling applied, the point at which it may take traffic; FAILED means it never
 * will ({@code failure} says why).
 */
public record Candidate(String version, String hash, State state, String failure) {

  /** How far the candidate is from taking traffic. */
  public enum State {
    PREPARING,
    READY,
    FAILED
  }

  public static Candidate preparing(String version, String hash) {
    return new Candidate(version, hash, State.PREPARING, null);
  }

  public static Candidate ready(String version, String hash) {
    return new Candidate(version, hash, State.READY, null);
  }

  public static Candidate failed(String version, String hash, String failure) {
    return new Candidate(version, hash, State.FAILED, failure);
  }

  public boolean ready() {
    return state == State.READY;
  }

  public boolean failed() {
    return state == State.FAILED;
  }
}
