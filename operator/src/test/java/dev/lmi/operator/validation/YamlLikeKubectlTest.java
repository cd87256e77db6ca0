package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML read as kubectl reads it: its YAML 1.1 scalar types, merge keys and document splitting. */
class YamlLikeKubectlTest {
  private static JsonNode json(String yaml) throws UnusableInputException {
    return YamlComposer.compose(yaml, 1, InputLimits.DEFAULTS).toJson();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          yes | true
          On | true
          y | true
          NO | false
          off | false
          ~ | null
          null | null
          0x1F | 31
          012 | 10
          0o12 | 10
          0b101 | 5
          1_000 | 1000
          -42 | -42
          2048.0 | 2048
          1e3 | 1000
          08 | 8
          .5 | 0.5
          "yes" | "yes"
          '012' | "012"
          !!str 12 | "12"
          !!int "12" | 12
          2026-01-01 | "2026-01-01"
          1.2.3 | "1.2.3"
          """)
  void typesScalarsAsKubectlDoes(String yaml, String json) throws Exception {
    assertThat(json("v: " + yaml).get("v").toString()).isEqualTo(json);
  }

  @Test
  void refusesValuesJsonCannotCarry() {
    assertThatThrownBy(() -> json("v: .inf"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("cannot be sent as JSON");
  }

  @Test
  void mergesWithExplicitKeysFirstThenEarlierMapsFirst() throws Exception {
    var yaml =
        """
        a: &a {x: 1, m: 1}
        b: &b {m: 2, z: 2}
        c:
          <<: [*a, *b]
          x: 0
        """;

    assertThat(json(yaml).get("c").toString()).isEqualTo("{\"x\":0,\"m\":1,\"z\":2}");
  }

  @Test
  void refusesAMergeOfSomethingOtherThanMappings() {
    assertThatThrownBy(() -> json("a: &a [1]\nb:\n  <<: *a\n"))
        .hasMessageContaining("merge key (<<) takes a mapping");
  }

  @Test
  void refusesASecondDocumentWithoutASeparatorLine() {
    // kubectl splits only at lines of "---" alone; "--- {b: 2}" starts a document inside a piece.
    assertThatThrownBy(() -> json("a: 1\n--- {b: 2}\n")).hasMessageContaining("second document");
  }

  @Test
  void splitsAtSeparatorLinesWithCommentsAndWindowsLineBreaks() throws IOException {
    var text = "a: 1\r\n--- # next\r\nb: 2\r\n---\r\n---x: 3\n";
    var splitter = new DocumentSplitter(new StringReader(text), 1024);
    var pieces = new ArrayList<DocumentSplitter.Piece>();
    for (var p = splitter.next(); p != null; p = splitter.next()) {
      pieces.add(p);
    }

    assertThat(pieces).extracting(DocumentSplitter.Piece::firstLine).containsExactly(1, 3, 5);
    assertThat(pieces.get(1).text()).isEqualTo("b: 2\r\n");
    assertThat(pieces.get(2).text()).isEqualTo("---x: 3\n");
  }

  @Test
  void keepsNoTextOfADocumentOverTheLimitButFindsTheNextOne() throws IOException {
    var text = "a: " + "x".repeat(5000) + "\n---\nb: 2\n";
    var splitter = new DocumentSplitter(new StringReader(text), 1024);

    var big = splitter.next();
    var next = splitter.next();

    assertThat(big.text()).isNull();
    assertThat(big.bytes()).isGreaterThan(1024);
    assertThat(next.text()).isEqualTo("b: 2\n");
    assertThat(next.firstLine()).isEqualTo(3);
  }
}
