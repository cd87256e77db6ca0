package dev.lmi.emulator.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class FunctionEnvTest {
  @Test
  void exposesVariablesOnlyToTheThreadRunningTheFunction() throws Exception {
    FunctionEnv.install();

    var inside =
        FunctionEnv.with(Map.of("TABLE", "orders"), () -> System.getProperty("lmi.env.TABLE"));
    String otherThread;
    try (var pool = Executors.newSingleThreadExecutor()) {
      otherThread =
          FunctionEnv.with(
              Map.of("TABLE", "orders"),
              () -> pool.submit(() -> System.getProperty("lmi.env.TABLE")).get());
    }

    assertThat(inside).isEqualTo("orders");
    assertThat(otherThread).isNull();
    assertThat(System.getProperty("lmi.env.TABLE")).isNull();
    assertThat(System.getProperty("java.version")).isNotBlank();
  }

  @Test
  void nestedFunctionsSeeTheirOwnVariables() throws Exception {
    FunctionEnv.install();

    var seen =
        FunctionEnv.with(
            Map.of("A", "outer"),
            () ->
                FunctionEnv.with(Map.of("A", "inner"), () -> System.getProperty("lmi.env.A"))
                    + "/"
                    + System.getProperty("lmi.env.A"));

    assertThat(seen).isEqualTo("inner/outer");
  }
}
