package dev.lmi.operator.validation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What is left of one run's input limits (bytes and documents), shared by all its files. */
final class InputBudget {
  /** Thrown by a stream once the run's bytes are spent. */
  static final class Spent extends IOException {}

  private final InputLimits limits;
  private long bytes;
  private int documents;

  InputBudget(InputLimits limits) {
    this.limits = limits;
    this.bytes = limits.maxInputBytes();
    this.documents = limits.maxDocuments();
  }

  /** Counts one more document, failing past the limit. */
  void document() throws InputLimitException {
    if (--documents < 0) {
      throw new InputLimitException(
          "more than %d documents: validate fewer at once".formatted(limits.maxDocuments()));
    }
  }

  InputLimitException spent() {
    return new InputLimitException(
        "input exceeds %s in total: validate fewer files at once"
            .formatted(InputLimits.size(limits.maxInputBytes())));
  }

  /** The stream, with every byte read from it counted against the run's total. */
  InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        var b = super.read();
        spend(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        var n = super.read(buffer, offset, length);
        spend(Math.max(n, 0));
        return n;
      }
    };
  }

  private void spend(int n) throws Spent {
    bytes -= n;
    if (bytes < 0) {
      throw new Spent();
    }
  }
}
