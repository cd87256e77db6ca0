package dev.lmi.operator.validation;

/**
 * Input the validator cannot check at all: unreadable, not YAML, too large, or not a known object.
 * The message says what, without the file; {@code at} says where in the file, when known.
 */
public class UnusableInputException extends Exception {
  private final transient Position at;

  public UnusableInputException(String message) {
    this(message, null);
  }

  public UnusableInputException(String message, Position at) {
    super(message);
    this.at = at;
  }

  /** Where in the file, or null for the file (or the run) as a whole. */
  public Position at() {
    return at;
  }
}
