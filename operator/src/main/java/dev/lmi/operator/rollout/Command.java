package dev.lmi.operator.rollout;

import dev.lmi.operator.api.Api;

/** What the lmi.dev/rollout annotation asks for. */
public enum Command {
  NONE,
  PROMOTE,
  ABORT,
  /** A value the operator does not know: removed with a warning naming the values it knows. */
  UNKNOWN;

  /** The command of an annotation value; null or absent is NONE. */
  public static Command of(String annotation) {
    if (annotation == null) {
      return NONE;
    }
    return switch (annotation.strip()) {
      case Api.ROLLOUT_PROMOTE -> PROMOTE;
      case Api.ROLLOUT_ABORT -> ABORT;
      default -> UNKNOWN;
    };
  }
}
