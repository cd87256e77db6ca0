package dev.lmi.operator.capacity;

/** A price table that cannot be used; the message names the file, the field and the fix. */
public final class PriceTableException extends Exception {
  public PriceTableException(String message) {
    super(message);
  }
}
