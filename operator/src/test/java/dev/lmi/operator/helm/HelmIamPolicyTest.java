package dev.lmi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart's iam-policy.json allows every Lambda, EC2 and CloudWatch operation the AWS gateways
 * call and no other action of those services, except the few AWS demands alongside them (listed
 * with reasons).
 */
public class HelmIamPolicyTest {
  private static final Pattern SDK_CALL =
      Pattern.compile("\\b(lambda|ec2|cloudwatch)\\s*\\.\\s*([a-z][A-Za-z0-9]*)\\s*\\(");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

  /** Not SDK calls of ours, but required by AWS for the calls we make. */
  private static final Map<String, String> REQUIRED_ALONGSIDE =
      Map.of(
          "lambda:PassCapacityProvider",
          "CreateFunction/UpdateFunctionConfiguration with a capacity provider",
          "ec2:CreateTags",
          "CreateVpcEndpoint with TagSpecifications (the ownership tag)",
          "lambda:GetLayerVersion",
          "CreateFunction/UpdateFunctionConfiguration with Layers");

  /** Reads that IAM cannot scope to a resource, so their statement names "*". */
  private static final Set<String> NO_RESOURCE_LEVEL_PERMISSIONS =
      Set.of("cloudwatch:GetMetricData");

  @Test
  void allowsExactlyTheLambdaEc2AndCloudWatchOperationsTheGatewaysCall() throws IOException {
    var called = calledOperations();
    assertThat(called)
        .contains(
            "lambda:CreateCapacityProvider",
            "ec2:CreateVpcEndpoint",
            "cloudwatch:DescribeAlarms",
            "cloudwatch:GetMetricData");
    var allowed = new TreeSet<String>();
    for (var s : statements()) {
      actions(s).stream()
          .filter(
              a -> a.startsWith("lambda:") || a.startsWith("ec2:") || a.startsWith("cloudwatch:"))
          .forEach(allowed::add);
    }
    var missing = new TreeSet<>(called);
    missing.removeAll(allowed);
    assertThat(missing).as("called but not allowed").isEmpty();
    var extra = new TreeSet<>(allowed);
    extra.removeAll(called);
    extra.removeAll(REQUIRED_ALONGSIDE.keySet());
    // GetFunction returns the function's tags (ownership, code identity) only with ListTags.
    extra.remove("lambda:ListTags");
    assertThat(extra).as("allowed but never called").isEmpty();
  }

  @Test
  void thePlanPolicyAllowsExactlyTheReadsTheGatewaysCanMakeAndNoWrite() throws IOException {
    // The plan command reads through ReadOnlyGateways, which offer every read of the gateways
    // and refuse every write: so the gateways' reads are exactly what plan may call.
    var reads = new TreeSet<String>();
    calledOperations().stream().filter(HelmIamPolicyTest::read).forEach(reads::add);
    var allowed = allowed("iam-policy-plan.json");
    assertThat(allowed).isEqualTo(reads);
    assertThat(allowed).allMatch(HelmIamPolicyTest::read);
    for (var s : statements("iam-policy-plan.json")) {
      assertThat(s.path("Effect").asText()).isEqualTo("Allow");
      if (!actions(s).stream()
          .allMatch(
              a -> a.startsWith("ec2:Describe") || NO_RESOURCE_LEVEL_PERMISSIONS.contains(a))) {
        assertThat(s.path("Resource").toString()).doesNotContain("\"*\"");
      }
    }
  }

  private static boolean read(String action) {
    return action.matches("(lambda|ec2|cloudwatch):(Get|List|Describe)[A-Za-z]*");
  }

  @Test
  void passesRolesOnlyToLambdaAndScopesEveryWriteToResources() throws IOException {
    for (var s : statements()) {
      assertThat(s.path("Effect").asText()).isEqualTo("Allow");
      var actions = actions(s);
      assertThat(actions).noneMatch(a -> a.contains("*"));
      var unscopable =
          actions.stream()
              .allMatch(
                  a -> a.startsWith("ec2:Describe") || NO_RESOURCE_LEVEL_PERMISSIONS.contains(a));
      if (!unscopable) {
        assertThat(s.path("Resource").toString())
            .as("statement %s", s.path("Sid").asText())
            .doesNotContain("\"*\"");
      }
      if (actions.contains("iam:PassRole")) {
        assertThat(s.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
            .isEqualTo("lambda.amazonaws.com");
      }
    }
  }

  @Test
  void passesOnlyRolesOfTheNamedPatternsWhichTheReadmeTiesToTheProvidersTenancy()
      throws IOException {
    var passRole = statements().stream().filter(s -> actions(s).contains("iam:PassRole")).toList();
    assertThat(passRole).hasSize(1);
    var resources = new ArrayList<String>();
    passRole.get(0).path("Resource").forEach(r -> resources.add(r.asText()));
    assertThat(resources)
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r)
                    .matches(
                        "arn:\\$\\{AWS_PARTITION}:iam::\\$\\{AWS_ACCOUNT_ID}:role/\\$\\{LMI_[A-Z_]+_PATTERN}"));
    var readme = Files.readString(Chart.dir().resolve("README.md"));
    assertThat(readme).contains("tenancy.roleArnPatterns", "tenancy.codePatterns");
  }

  @Test
  void documentsEveryVariableInTheChartReadme() throws IOException {
    var policy =
        Files.readString(Chart.dir().resolve("iam-policy.json"))
            + Files.readString(Chart.dir().resolve("iam-policy-plan.json"));
    var readme = Files.readString(Chart.dir().resolve("README.md"));
    var m = VARIABLE.matcher(policy);
    var variables = new TreeSet<String>();
    while (m.find()) {
      variables.add(m.group(1));
    }
    assertThat(variables).contains("AWS_ACCOUNT_ID", "LMI_FUNCTION_PREFIX");
    for (var v : variables) {
      assertThat(readme).as("README.md explains %s", v).contains("`" + v + "`");
    }
  }

  private static Set<String> calledOperations() throws IOException {
    var out = new TreeSet<String>();
    var aws = Chart.repoRoot().resolve("operator/src/main/java/dev/lmi/operator/aws");
    try (var files = Files.list(aws)) {
      for (var f :
          files.filter(p -> p.getFileName().toString().matches("Aws.*Gateway\\.java")).toList()) {
        var m = SDK_CALL.matcher(Files.readString(f));
        while (m.find()) {
          var op = m.group(2);
          out.add(m.group(1) + ":" + Character.toUpperCase(op.charAt(0)) + op.substring(1));
        }
      }
    }
    return out;
  }

  private static List<JsonNode> statements() throws IOException {
    return statements("iam-policy.json");
  }

  /** Every action a policy of the chart allows. */
  public static Set<String> allowed(String file) throws IOException {
    var out = new TreeSet<String>();
    statements(file).forEach(s -> out.addAll(actions(s)));
    return out;
  }

  private static List<JsonNode> statements(String file) throws IOException {
    var policy = new ObjectMapper().readTree(Chart.dir().resolve(file).toFile());
    assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
    var out = new ArrayList<JsonNode>();
    policy.path("Statement").forEach(out::add);
    return out;
  }

  private static Set<String> actions(JsonNode statement) {
    var out = new TreeSet<String>();
    var a = statement.path("Action");
    if (a.isTextual()) {
      out.add(a.asText());
    } else {
      a.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
