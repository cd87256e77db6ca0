package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.status.Outcome;

/**
 * What carrying out a plan's steps led to: the status record with AWS's answers, where the resource
 * stands, and whether to plan again at once.
 */
public record Applied<S>(S record, Outcome outcome, Next next) {
  /** What comes after the steps. */
  public enum Next {
    /** Report the outcome. */
    DONE,
    /** A wait was over before it began (a publish answered Active): plan again now. */
    REPLAN,
    /** A create sent without a read found the name taken: read it, then plan again. */
    CREATE_REFUSED
  }

  static <S> Applied<S> done(S record, Outcome outcome) {
    return new Applied<>(record, outcome, Next.DONE);
  }
}
