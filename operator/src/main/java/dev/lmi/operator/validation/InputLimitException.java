package dev.lmi.operator.validation;

/** A limit of the whole run was reached (total input, documents, files): reading stops there. */
final class InputLimitException extends UnusableInputException {
  InputLimitException(String message) {
    super(message);
  }
}
