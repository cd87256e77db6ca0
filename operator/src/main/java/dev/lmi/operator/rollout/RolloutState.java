package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.api.RolloutStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code status.rollout} as an immutable value, so the decisions are pure. Times are instants here
 * and RFC 3339 strings in the status; a time that cannot be read (a status another version wrote)
 * is null, and the decision restarts that clock rather than guess.
 */
public record RolloutState(
    RolloutPhase phase,
    String stableVersion,
    String canaryVersion,
    int step,
    int steps,
    int weight,
    Instant stepStartedAt,
    Instant startedAt,
    Instant finishedAt,
    String candidateHash,
    String planHash,
    Long invocations,
    Long errors,
    String message) {

  /** The state a status holds; null for none (or one without a phase this version knows). */
  public static RolloutState from(RolloutStatus s) {
    if (s == null || s.getPhase() == null) {
      return null;
    }
    return new RolloutState(
        s.getPhase(),
        s.getStableVersion(),
        s.getCanaryVersion(),
        orZero(s.getStep()),
        orZero(s.getSteps()),
        orZero(s.getWeight()),
        time(s.getStepStartedAt()),
        time(s.getStartedAt()),
        time(s.getFinishedAt()),
        s.getCandidateHash(),
        s.getPlanHash(),
        s.getInvocations(),
        s.getErrors(),
        s.getMessage());
  }

  /** The status to write. */
  public RolloutStatus toStatus() {
    var s = new RolloutStatus();
    s.setPhase(phase);
    s.setStableVersion(stableVersion);
    s.setCanaryVersion(canaryVersion);
    s.setStep(step);
    s.setSteps(steps);
    s.setWeight(weight);
    s.setStepStartedAt(text(stepStartedAt));
    s.setStartedAt(text(startedAt));
    s.setFinishedAt(text(finishedAt));
    s.setCandidateHash(candidateHash);
    s.setPlanHash(planHash);
    s.setInvocations(invocations);
    s.setErrors(errors);
    s.setMessage(message);
    return s;
  }

  public boolean progressing() {
    return phase == RolloutPhase.Progressing;
  }

  /** Rolled back or aborted: all traffic on the stable version until the spec changes. */
  public boolean reverted() {
    return phase == RolloutPhase.RolledBack || phase == RolloutPhase.Aborted;
  }

  /** At step {@code n} (weight in percent) from {@code now}, with no figures read yet. */
  RolloutState atStep(int n, int w, Instant now, String text) {
    return new RolloutState(
        phase,
        stableVersion,
        canaryVersion,
        n,
        steps,
        w,
        now,
        startedAt,
        null,
        candidateHash,
        planHash,
        null,
        null,
        text);
  }

  RolloutState withFigures(Long invocationsSeen, Long errorsSeen, String text) {
    return new RolloutState(
        phase,
        stableVersion,
        canaryVersion,
        step,
        steps,
        weight,
        stepStartedAt,
        startedAt,
        finishedAt,
        candidateHash,
        planHash,
        invocationsSeen,
        errorsSeen,
        text);
  }

  /**
   * Ended because the function went to zero (spec.suspend, a schedule's zero window): aborted with
   * all traffic on the stable version, and no candidate on record, so that the same version is
   * rolled out again from its first step once the function resumes.
   *
   * @param candidate the version rolled out then (a rollout still preparing has no canary yet)
   */
  public RolloutState suspended(Instant now, String candidate) {
    var at = step == 0 ? "before step 1" : "at " + RolloutTexts.step(this);
    var text =
        "aborted because the function was scaled to zero (spec.suspend or a schedule's zero"
            + " window), "
            + at
            + "; version "
            + candidate
            + " is rolled out again from the first step when it resumes";
    return ended(RolloutPhase.Aborted, 0, now, null, text);
  }

  /** Ended in {@code end} at {@code now}; the canary then holds {@code w} percent. */
  RolloutState ended(RolloutPhase end, int w, Instant now, String text) {
    return ended(end, w, now, candidateHash, text);
  }

  private RolloutState ended(RolloutPhase end, int w, Instant now, String candidate, String text) {
    return new RolloutState(
        end,
        stableVersion,
        canaryVersion,
        step,
        steps,
        w,
        stepStartedAt,
        startedAt,
        now,
        candidate,
        planHash,
        invocations,
        errors,
        text);
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static Instant time(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
