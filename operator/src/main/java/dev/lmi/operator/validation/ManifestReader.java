package dev.lmi.operator.validation;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the YAML documents of one file, one at a time, within the run's limits: each document is at
 * most {@code maxDocumentBytes}; all files together at most {@code maxInputBytes} and {@code
 * maxDocuments}. A document that cannot be read is reported and the next one read.
 */
final class ManifestReader {
  /** One non-empty YAML document: its file, its number in the file (1-based) and its root. */
  record Document(String file, int number, YamlNode root) {}

  /** Receives what a file holds, in order. */
  interface Sink {
    void document(Document document);

    void unusable(Problem problem);
  }

  /** What is left of the run's input limits, shared by all files. */
  static final class Budget {
    private long bytes;
    private int documents;

    Budget(InputLimits limits) {
      this.bytes = limits.maxInputBytes();
      this.documents = limits.maxDocuments();
    }
  }

  private static final class OverBudget extends IOException {}

  private ManifestReader() {}

  static void read(Path file, InputLimits limits, Budget budget, Sink sink)
      throws InputLimitException {
    var name = file.toString();
    try (var in = new Budgeted(Files.newInputStream(file), budget);
        var reader = reader(in)) {
      var splitter = new DocumentSplitter(reader, limits.maxDocumentBytes());
      try {
        split(name, splitter, limits, budget, sink);
      } catch (CharacterCodingException e) {
        var at = new Position(splitter.line(), 1);
        sink.unusable(Problem.unusable(name, at, null, "not valid YAML: not UTF-8 text"));
      }
    } catch (CharacterCodingException e) {
      sink.unusable(
          Problem.unusable(name, new Position(1, 1), null, "not valid YAML: not UTF-8 text"));
    } catch (OverBudget e) {
      throw new InputLimitException(
          "input exceeds %s in total: validate fewer files at once"
              .formatted(InputLimits.size(limits.maxInputBytes())));
    } catch (IOException e) {
      sink.unusable(Problem.unusable(name, null, null, "cannot read file: " + e));
    }
  }

  private static void split(
      String file, DocumentSplitter splitter, InputLimits limits, Budget budget, Sink sink)
      throws IOException, InputLimitException {
    var number = 0;
    for (var piece = splitter.next(); piece != null; piece = splitter.next()) {
      var first = number == 0 && piece.firstLine() == 1;
      var start = new Position(piece.firstLine(), 1);
      if (piece.text() == null) {
        count(budget, limits);
        sink.unusable(
            Problem.unusable(
                file,
                start,
                ++number,
                "document %d is larger than %s (the API server's limit for one request)"
                    .formatted(number, InputLimits.size(limits.maxDocumentBytes()))));
        continue;
      }
      try {
        var root = YamlComposer.compose(piece.text(), piece.firstLine(), limits);
        if (root == null && first) {
          continue;
        }
        count(budget, limits);
        number++;
        if (root != null) {
          sink.document(new Document(file, number, root));
        }
      } catch (InputLimitException e) {
        throw e;
      } catch (UnusableInputException e) {
        count(budget, limits);
        sink.unusable(
            Problem.unusable(file, e.at() == null ? start : e.at(), ++number, e.getMessage()));
      }
    }
  }

  private static void count(Budget budget, InputLimits limits) throws InputLimitException {
    if (--budget.documents < 0) {
      throw new InputLimitException(
          "more than %d documents: validate fewer at once".formatted(limits.maxDocuments()));
    }
  }

  private static Reader reader(InputStream in) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    var reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder)));
    var first = reader.read();
    if (first >= 0 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  /** Counts every byte read against the run's total and fails once it is spent. */
  private static final class Budgeted extends FilterInputStream {
    private final Budget budget;

    Budgeted(InputStream in, Budget budget) {
      super(in);
      this.budget = budget;
    }

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

    private void spend(int n) throws OverBudget {
      budget.bytes -= n;
      if (budget.bytes < 0) {
        throw new OverBudget();
      }
    }
  }
}
