package dev.lmi.operator.rollout;

import dev.lmi.operator.status.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do next about a rollout, as a value. {@code state} is the whole new {@code
 * status.rollout} (write it when it differs); {@code route} is where the alias must send traffic
 * (write the alias when AWS differs), or null when the rollout has no say and the alias follows the
 * candidate as without a rollout; {@code reason} and {@code message} are the Ready condition's
 * while the rollout holds it (null otherwise); {@code requeue} is when to look again (null: the
 * usual resync); {@code notices} are Events; {@code clearCommand} asks to remove the
 * lmi.dev/rollout annotation; {@code read} is set only for {@link Kind#READ}, which changes nothing
 * (null state and route).
 */
public record RolloutDecision(
    Kind kind,
    RolloutState state,
    Route route,
    Reason reason,
    String message,
    Duration requeue,
    List<Notice> notices,
    boolean clearCommand,
    ReadRequest read) {

  /** The closed set of decisions. */
  public enum Kind {
    /** No rollout applies: the alias moves to the Active candidate at once, as without one. */
    NONE,
    /** Read {@link #read} from CloudWatch, then decide again with the readings. */
    READ,
    /** Route the first step's weight to the candidate. */
    START,
    /** Keep the route; look again after {@link #requeue}. */
    HOLD,
    /** Route the next step's weight. */
    ADVANCE,
    /** All traffic to the candidate, no routing config. */
    PROMOTE,
    /** All traffic back to the stable version: a check failed. */
    ROLL_BACK,
    /** All traffic back to the stable version: the abort annotation. */
    ABORT,
    /** The rollout ended earlier; keep the route it left. */
    DONE
  }

  public RolloutDecision {
    notices = List.copyOf(notices);
  }

  static RolloutDecision of(Kind kind, RolloutState state, Route route, Duration requeue) {
    var reason =
        state == null
            ? null
            : state.progressing() ? Reason.RollingOut : state.reverted() ? Reason.RolledBack : null;
    if (kind == Kind.NONE || kind == Kind.READ) {
      reason = null;
    }
    var message = reason == null ? null : state.message();
    return new RolloutDecision(
        kind, state, route, reason, message, requeue, List.of(), false, null);
  }

  /** Nothing changes yet: read, then decide again; the state and the route are null. */
  static RolloutDecision read(ReadRequest request) {
    return new RolloutDecision(Kind.READ, null, null, null, null, null, List.of(), false, request);
  }

  RolloutDecision with(Notice notice) {
    var all = new ArrayList<>(notices);
    all.add(notice);
    return new RolloutDecision(
        kind, state, route, reason, message, requeue, all, clearCommand, read);
  }

  /** The same decision with {@code first} as its first Event (none for null or a READ). */
  RolloutDecision withFirst(Notice first) {
    if (first == null || kind == Kind.READ) {
      return this;
    }
    var all = new ArrayList<Notice>();
    all.add(first);
    all.addAll(notices);
    return new RolloutDecision(
        kind, state, route, reason, message, requeue, all, clearCommand, read);
  }

  /** The annotation was acted on (or refused with a notice): remove it. */
  RolloutDecision clearingCommand() {
    return new RolloutDecision(kind, state, route, reason, message, requeue, notices, true, read);
  }
}
