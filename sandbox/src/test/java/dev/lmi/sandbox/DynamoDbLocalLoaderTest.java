package dev.lmi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DynamoDbLocalLoaderTest {
  private static final String GRAMMAR = "com.amazon.dynamodb.grammar.DynamoDbGrammarParser";
  private static final String ANTLR_VERSION = "org.antlr.v4.runtime.RuntimeMetaData";

  @Test
  void dynamoDbLocalRunsOnTheAntlrRuntimeItsGrammarWasGeneratedWith() throws Exception {
    var loader = DynamoDbLocalLoader.INSTANCE;

    assertThat(version(Class.forName(ANTLR_VERSION, true, loader))).isEqualTo("4.10.1");
    assertThat(Class.forName(GRAMMAR, false, loader).getClassLoader()).isSameAs(loader);
  }

  @Test
  void theRestOfTheJvmKeepsTheRuntimeCelNeeds() throws Exception {
    assertThat(version(Class.forName(ANTLR_VERSION))).isEqualTo("4.13.2");
    assertThat(
            Class.forName("org.eclipse.jetty.server.Handler", false, DynamoDbLocalLoader.INSTANCE))
        .isSameAs(org.eclipse.jetty.server.Handler.class);
  }

  @Test
  void theGrammarLoadsWithoutTheVersionMismatchWarning() throws Exception {
    var printed = stderrOf(() -> Class.forName(GRAMMAR, true, DynamoDbLocalLoader.INSTANCE));

    assertThat(printed).doesNotContain("ANTLR");
  }

  @Test
  void onTheSharedRuntimeTheSameGrammarWarns() throws Exception {
    var printed = stderrOf(() -> Class.forName(GRAMMAR, true, getClass().getClassLoader()));

    assertThat(printed)
        .contains("ANTLR Tool version 4.10.1 used for code generation does not match");
  }

  private interface Action {
    void run() throws Exception;
  }

  private static String stderrOf(Action action) throws Exception {
    var err = System.err;
    var captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static Object version(Class<?> metaData) throws ReflectiveOperationException {
    return metaData.getField("VERSION").get(null);
  }
}
