package dev.lmi.operator.aws;

/** What a delete call achieved: gone, still going, or blocked by something that must go first. */
public record DeleteOutcome(Kind kind, String message) {

  /** The kinds of outcome. */
  public enum Kind {
    GONE,
    DELETING,
    BLOCKED
  }

  public static DeleteOutcome gone() {
    return new DeleteOutcome(Kind.GONE, "");
  }

  public static DeleteOutcome deleting() {
    return new DeleteOutcome(Kind.DELETING, "");
  }

  public static DeleteOutcome blocked(String message) {
    return new DeleteOutcome(Kind.BLOCKED, message);
  }
}
