package dev.lmi.operator.validation;

/** Where something is in a file: 1-based line and column (in characters). */
public record Position(int line, int column) {
  /** {@code line:column}. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
