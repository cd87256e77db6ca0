package dev.lmi.operator.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.operator.status.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgoCdHealthScriptTest {
  private static final List<String> KINDS = List.of("CapacityProvider", "LmiFunction");

  static Stream<Arguments> everyReasonOfEveryKind() {
    var out = new ArrayList<Arguments>();
    for (var kind : KINDS) {
      for (var reason : Reason.values()) {
        out.add(Arguments.of(kind, reason));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyReasonOfEveryKind")
  void mapsEveryReasonOfTheOperatorToItsHealth(String kind, Reason reason) {
    var obj = (ObjectNode) Scripts.yaml(kind, "testdata/healthy.yaml");
    var ready = (ObjectNode) obj.path("status").path("conditions").get(0);
    ready.put("status", reason.ready() ? "True" : "False");
    ready.put("reason", reason.name());
    ready.put("message", "details of " + reason.name());

    var health = ArgoLua.run(Scripts.script(kind), obj);

    var expected =
        switch (reason.kind()) {
          case READY -> "Healthy";
          case WAITING -> "Progressing";
          case TERMINAL -> "Degraded";
          case SUSPENDED -> "Suspended";
        };
    assertThat(health.status()).as("%s %s: %s", kind, reason, health).isEqualTo(expected);
    // A reason the script does not list also lands in Progressing: the message tells them apart.
    assertThat(health.message()).isEqualTo(reason.name() + ": details of " + reason.name());
  }

  static Stream<Arguments> scenarios() {
    var out = new ArrayList<Arguments>();
    for (var kind : KINDS) {
      for (var test : Scripts.yaml(kind, "health_test.yaml").path("tests")) {
        out.add(
            Arguments.of(
                kind,
                test.path("inputPath").asText(),
                test.path("healthStatus").path("status").asText(),
                test.path("healthStatus").path("message").asText()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @MethodSource("scenarios")
  void answersAsTheHealthTestTableSays(String kind, String input, String status, String message) {
    var health = ArgoLua.run(Scripts.script(kind), Scripts.yaml(kind, input));
    assertThat(health.status()).as("%s", health).isEqualTo(status);
    assertThat(health.message()).isEqualTo(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CapacityProvider", "LmiFunction"})
  void listsExactlyTheOperatorsWaitingTerminalAndSuspendedReasons(String kind) {
    var script = Scripts.script(kind);
    for (var table : new String[] {"WAITING", "TERMINAL", "SUSPENDED"}) {
      var body = script.substring(script.indexOf("local " + table + " = {"));
      body = body.substring(0, body.indexOf('}'));
      var listed = new TreeSet<String>();
      var m = Pattern.compile("(\\w+) = true").matcher(body);
      while (m.find()) {
        listed.add(m.group(1));
      }
      var expected = new TreeSet<String>();
      for (var r : Reason.values()) {
        if (r.kind().name().equals(table)) {
          expected.add(r.name());
        }
      }
      assertThat(listed).as("%s in %s", table, kind).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CapacityProvider", "LmiFunction"})
  void usesNothingThatLua51Lacks(String kind) {
    var script = Scripts.script(kind);
    assertThat(script)
        .doesNotContain("goto ", "::", "table.unpack", "table.pack", "_ENV", "bit32", "//", "utf8.")
        .doesNotContain("require", "dofile", "loadfile", "io.", "os.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CapacityProvider", "LmiFunction"})
  void theSandboxHasNoFileOrModuleAccessButHasTheLua51Shims(String kind) {
    var g = ArgoLua.sandbox();
    for (var absent : new String[] {"dofile", "loadfile", "require", "io", "os", "debug"}) {
      assertThat(g.get(absent).isnil()).as(absent).isTrue();
    }
    assertThat(g.load("return unpack({1, 2})").call().toint()).isEqualTo(1);
    assertThat(g.load("return table.getn({1, 2, 3})").call().toint()).isEqualTo(3);
    assertThat(g.load("return loadstring('return 7')()").call().toint()).isEqualTo(7);
    assertThat(Scripts.script(kind)).isNotBlank();
  }
}
