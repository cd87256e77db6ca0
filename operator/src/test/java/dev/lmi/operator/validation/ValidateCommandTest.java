package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  private static final String MIXED = "src/test/resources/validation/mixed.yaml";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = new CommandLine(new ValidateCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void exitsZeroAndSaysSoForValidManifests() {
    assertThat(run("../examples")).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("documents valid");
  }

  @Test
  void reportsEachProblemAtTheLineAndColumnOfItsField() {
    assertThat(run(MIXED)).isEqualTo(1);

    assertThat(out.toString().lines())
        .containsExactly(
            MIXED
                + ":36:3: LmiFunction/team/too-much-concurrency: spec.maxConcurrencyPerEnvironment:"
                + " maxConcurrencyPerEnvironment 200 is more than 64 per vCPU: 2 vCPU (memoryMiB"
                + " 4096 / (memoryGiBPerVCpu 2 × 1024)) allow at most 128",
            MIXED
                + ":50:5: CapacityProvider/broken-pool: spec.vpc.securityGroupIds: must have at"
                + " most 5 items but found 6");
    assertThat(err.toString()).contains("2 problem(s) in 4 lmi.dev document(s) in 1 file(s)");
  }

  @Test
  void printsProblemsAsAJsonArrayOnRequest() throws IOException {
    assertThat(run("--output", "json", MIXED)).isEqualTo(1);

    var problems = new ObjectMapper().readTree(out.toString());
    assertThat(problems.isArray()).isTrue();
    assertThat(problems).hasSize(2);
    var first = problems.get(0);
    assertThat(first.get("file").asText()).isEqualTo(MIXED);
    assertThat(first.get("line").asInt()).isEqualTo(36);
    assertThat(first.get("column").asInt()).isEqualTo(3);
    assertThat(first.get("document").asInt()).isEqualTo(3);
    assertThat(first.get("unusable").asBoolean()).isFalse();
    assertThat(first.get("kind").asText()).isEqualTo("LmiFunction");
    assertThat(first.get("namespace").asText()).isEqualTo("team");
    assertThat(first.get("name").asText()).isEqualTo("too-much-concurrency");
    assertThat(first.get("path").asText()).isEqualTo("spec.maxConcurrencyPerEnvironment");
    assertThat(first.get("message").asText()).startsWith("maxConcurrencyPerEnvironment 200");
    assertThat(problems.get(1).get("namespace").isNull()).isTrue();
  }

  @Test
  void rejectsAFileThatIsNotYaml() throws IOException {
    var file = Files.writeString(dir.resolve("broken.yaml"), "spec: [unclosed\n  key: {\n");

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":2:").contains("not valid YAML");
  }

  @Test
  void rejectsAFileThatIsNotText() throws IOException {
    var file = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":1:1: not valid YAML: not UTF-8 text");
  }

  @Test
  void reportsProblemsInReadableFilesEvenWhenAnotherIsUnusable() {
    assertThat(run(MIXED, dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(out.toString().lines()).hasSize(2);
  }

  @Test
  void rejectsAnUnknownLmiKindAndNamesTheKnownOnes() throws IOException {
    var file =
        Files.writeString(
            dir.resolve("x.yaml"),
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n---\n"
                + "apiVersion: lmi.dev/v1alpha1\nkind: Foo\nmetadata: {name: a}\n");

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            file
                + ":6:1: document 3: unknown kind lmi.dev/v1alpha1 Foo (known: CapacityProvider,"
                + " LmiFunction)");
  }

  @Test
  void rejectsAPathThatDoesNotExist() {
    assertThat(run(dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.yaml: no such file or directory");
  }

  @Test
  void rejectsADocumentThatIsNotAMappingOrHasNoKind() throws IOException {
    var list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
    var kindless =
        Files.writeString(dir.resolve("kindless.yaml"), "apiVersion: lmi.dev/v1alpha1\n");

    assertThat(run(list.toString(), kindless.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(list + ":1:1: document 1 is not a mapping")
        .contains(kindless + ":1:1: document 1 has no kind");
  }

  @Test
  void checksTheItemsOfAList() throws IOException {
    var function = Manifests.edit(Manifests.example("orders-list.yaml"), "spec.timeoutSeconds=0");
    var list = Manifests.YAML.createObjectNode().put("apiVersion", "v1").put("kind", "List");
    list.putArray("items").add(Manifests.example("capacity-provider.yaml")).add(function);
    var file = Files.writeString(dir.resolve("list.yaml"), Manifests.YAML.writeValueAsString(list));

    assertThat(run(file.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(": LmiFunction/orders/list-orders: spec.timeoutSeconds:")
        .startsWith(file + ":");
  }

  @Test
  void keepsCheckingTheOtherDocumentsOfAFileWithAnUnusableOne() throws IOException {
    var provider =
        Manifests.edit(Manifests.example("capacity-provider.yaml"), "spec.scaling.maxVCpuCount=1");
    // The YAML writer starts each document with "---" itself.
    var yaml =
        "apiVersion: lmi.dev/v1alpha1\nkind: Foo\n" + Manifests.YAML.writeValueAsString(provider);
    var file = Files.writeString(dir.resolve("x.yaml"), yaml);

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":1:1: document 1: unknown kind");
    assertThat(out.toString())
        .contains(": CapacityProvider/orders-pool: spec.scaling.maxVCpuCount");
  }

  @Test
  void skipsOtherApiGroupsUnlessStrict() throws IOException {
    var file =
        Files.writeString(
            dir.resolve("cm.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                + Files.readString(Manifests.EXAMPLES.resolve("capacity-provider.yaml")));

    assertThat(run(file.toString())).isZero();
    assertThat(run("--strict", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(file + ":1:1: document 1: not an lmi.dev object: v1 ConfigMap");
  }

  @Test
  void resolvesAnchorsAliasesAndMergeKeysAsKubectlDoes() throws IOException {
    var yaml =
        """
        apiVersion: lmi.dev/v1alpha1
        kind: LmiFunction
        metadata: {name: anchored, namespace: orders}
        spec:
          <<: &common
            capacityProviderRef: {name: orders-pool}
            roleArn: arn:aws:iam::123456789012:role/list-orders
            architecture: arm64
          runtime: java21
          handler: example.Handler::handleRequest
          code: {s3: {bucket: lmi-artifacts-123456789012, key: orders/a.jar}}
          environment: &env {TABLE_NAME: orders}
          tags: {team: orders}
        """;
    var file = Files.writeString(dir.resolve("anchored.yaml"), yaml);
    var provider = Manifests.EXAMPLES.resolve("capacity-provider.yaml").toString();

    assertThat(run(file.toString(), provider)).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void rejectsDuplicateKeysWithBothPositions() throws IOException {
    var file =
        Files.writeString(
            dir.resolve("dup.yaml"),
            "apiVersion: lmi.dev/v1alpha1\nkind: LmiFunction\nmetadata: {name: a}\n"
                + "spec:\n  memoryMiB: 2048\n  memoryMiB: 4096\n");

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(file + ":6:3: not valid YAML: duplicate key \"memoryMiB\" (first at line 5)");
  }

  @Test
  void pointsAMissingRequiredFieldAtItsParentMapping() throws IOException {
    var function = Files.readString(Manifests.EXAMPLES.resolve("orders-list.yaml"));
    var file =
        Files.writeString(
            dir.resolve("f.yaml"),
            function.replace("  roleArn: arn:aws:iam::123456789012:role/list-orders\n", ""));
    var provider = Manifests.EXAMPLES.resolve("capacity-provider.yaml").toString();

    assertThat(run(file.toString(), provider)).isEqualTo(1);
    assertThat(out.toString())
        .contains(file + ":7:1: LmiFunction/orders/list-orders: spec.roleArn: required field");
  }

  @Test
  void reportsTwoDocumentsThatDeclareTheSameObject() throws IOException {
    var provider = Manifests.EXAMPLES.resolve("capacity-provider.yaml");
    var copy = Files.copy(provider, dir.resolve("copy.yaml"));

    assertThat(run(provider.toString(), copy.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(copy + ":")
        .contains("CapacityProvider/orders-pool: metadata.name: CapacityProvider orders-pool is")
        .contains("also declared at " + provider + ":");
  }

  @Test
  void readsADirectoryLikeKubectlApplyDashF() {
    // examples/ holds the production set, examples/local/ the local one: -R takes both together,
    // and then list-orders is declared twice.
    assertThat(run("../examples")).isZero();
    assertThat(run("-R", "../examples")).isEqualTo(1);
    assertThat(out.toString()).contains("LmiFunction orders/list-orders is also declared at");
  }
}
