package dev.lmi.operator.validation;

/** Input the validator cannot check at all: unreadable, not YAML, or not a known object. */
public final class UnusableInputException extends Exception {
  public UnusableInputException(String message) {
    super(message);
  }
}
