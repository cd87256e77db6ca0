package dev.lmi.operator.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The fabric8 model groups the jar leaves out (operator/pom.xml) stay safe to leave out: no class
 * in the jar refers to one but that group's own client, which the operator never calls. A fabric8
 * upgrade that starts using one elsewhere fails here, not with a NoClassDefFoundError in a cluster.
 */
class LeftOutModelGroupsTest {
  static final List<String> LEFT_OUT =
      List.of(
              "discovery",
              "flowcontrol",
              "gatewayapi",
              "metrics",
              "networking",
              "rbac",
              "resource",
              "scheduling",
              "storage",
              "storagemigration")
          .stream()
          .map(group -> "io/fabric8/kubernetes/api/model/" + group + "/")
          .toList();

  /** The group clients and DSLs (client.network(), client.top(), ...) that name those groups. */
  static final Pattern OWN_CLIENTS =
      Pattern.compile(
          ".*/(\\w*APIGroup(Client|DSL)|(Pod|Node)MetricOperation(sImpl)?"
              + "|URLFrom(IngressImpl|ServiceUtil))(\\$[\\w$]*)?\\.class");

  @Test
  void leavesTheGroupsOut() throws IOException {
    try (var zip = new ZipFile(LeanJarTest.jar().toFile())) {
      var present =
          zip.stream()
              .map(e -> e.getName())
              .filter(n -> LEFT_OUT.stream().anyMatch(n::startsWith))
              .toList();
      assertThat(present).as("left out by operator/pom.xml, listed here").isEmpty();
    }
  }

  @Test
  void noClassButTheirOwnClientsRefersToThem() throws IOException {
    var offending = new ArrayList<String>();
    try (var zip = new ZipFile(LeanJarTest.jar().toFile())) {
      for (var entry : zip.stream().toList()) {
        if (!entry.getName().endsWith(".class") || OWN_CLIENTS.matcher(entry.getName()).matches()) {
          continue;
        }
        try (var in = zip.getInputStream(entry)) {
          // Class names sit in the constant pool as plain ASCII.
          var text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          LEFT_OUT.stream()
              .filter(text::contains)
              .forEach(group -> offending.add(entry.getName() + " -> " + group));
        }
      }
    }
    assertThat(offending)
        .as("classes that need a left-out model group: keep its artifact in operator/pom.xml")
        .isEmpty();
  }
}
