package dev.lmi.operator.validation;

import java.io.BufferedReader;
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
 * most {@code maxDocumentBytes}; all files together share an {@link InputBudget}. A document that
 * cannot be read is reported and the next one read.
 */
final class ManifestReader {
  /** One non-empty YAML document: its file, its number in the file (1-based) and its root. */
  record Document(String file, int number, YamlNode root) {}

  /** Receives what a file holds, in order. */
  interface Sink {
    void document(Document document);

    void unusable(Problem problem);
  }

  private final String file;
  private final InputLimits limits;
  private final InputBudget budget;
  private final Sink sink;
  private int number;

  private ManifestReader(String file, InputLimits limits, InputBudget budget, Sink sink) {
    this.file = file;
    this.limits = limits;
    this.budget = budget;
    this.sink = sink;
  }

  static void read(Path file, InputLimits limits, InputBudget budget, Sink sink)
      throws InputLimitException {
    var reader = new ManifestReader(file.toString(), limits, budget, sink);
    try (var in = budget.counting(Files.newInputStream(file));
        var text = decoding(in)) {
      var splitter = new DocumentSplitter(text, limits.maxDocumentBytes());
      try {
        reader.split(splitter);
      } catch (CharacterCodingException e) {
        reader.unusable(new Position(splitter.line(), 1), null, "not valid YAML: not UTF-8 text");
      }
    } catch (CharacterCodingException e) {
      reader.unusable(new Position(1, 1), null, "not valid YAML: not UTF-8 text");
    } catch (InputBudget.Spent e) {
      throw budget.spent();
    } catch (IOException e) {
      reader.unusable(null, null, "cannot read file: " + e);
    }
  }

  private void split(DocumentSplitter splitter) throws IOException, InputLimitException {
    for (var piece = splitter.next(); piece != null; piece = splitter.next()) {
      var start = new Position(piece.firstLine(), 1);
      if (piece.text() == null) {
        budget.document();
        number++;
        unusable(start, number, tooLarge());
        continue;
      }
      try {
        var root = YamlComposer.compose(piece.text(), piece.firstLine(), limits);
        // Comments or blank lines before the first "---" are no document.
        if (root == null && number == 0 && piece.firstLine() == 1) {
          continue;
        }
        budget.document();
        number++;
        if (root != null) {
          sink.document(new Document(file, number, root));
        }
      } catch (InputLimitException e) {
        throw e;
      } catch (UnusableInputException e) {
        budget.document();
        number++;
        unusable(e.at() == null ? start : e.at(), number, e.getMessage());
      }
    }
  }

  private String tooLarge() {
    return "document %d is larger than %s (the API server's limit for one request)"
        .formatted(number, InputLimits.size(limits.maxDocumentBytes()));
  }

  private void unusable(Position at, Integer document, String message) {
    sink.unusable(Problem.unusable(file, at, document, message));
  }

  private static Reader decoding(InputStream in) throws IOException {
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
}
