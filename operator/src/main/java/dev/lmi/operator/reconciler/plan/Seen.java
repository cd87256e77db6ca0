package dev.lmi.operator.reconciler.plan;

import java.util.Optional;

/**
 * One fact about AWS in an observation: not read yet, read and absent, or read and present. A plan
 * tells the first apart from the second: only a read proves that something does not exist.
 */
public record Seen<T>(boolean known, T value) {
  private static final Seen<?> UNKNOWN = new Seen<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Seen<T> unknown() {
    return (Seen<T>) UNKNOWN;
  }

  public static <T> Seen<T> absent() {
    return new Seen<>(true, null);
  }

  public static <T> Seen<T> of(T value) {
    return new Seen<>(true, value);
  }

  /** What a read that may find nothing returned. */
  public static <T> Seen<T> read(Optional<T> found) {
    return new Seen<>(true, found.orElse(null));
  }

  public boolean present() {
    return known && value != null;
  }
}
