package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every spec field that becomes a member of an AWS request, the CRD (OpenAPI and CEL, as the
 * offline validator evaluates them) is at least as strict as the botocore model: probe values
 * around a valid one (every ASCII character and some others inserted, lengths around each bound,
 * numbers just outside each range) that the CRD accepts must satisfy the model. Skipped where
 * python3 has no botocore, except under CI=true; members this model lacks are skipped one by one.
 */
class BotocoreModelCrossCheckTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static BotocoreModel model;
  private static BotocoreModel cloudwatch;
  private static CrdCatalog catalog;

  @BeforeAll
  static void load() {
    var found = BotocoreModel.lambda();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(found).as("python3 with botocore must be importable when CI=true").isPresent();
    }
    assumeTrue(found.isPresent(), "botocore is not installed; skipping the model cross-check");
    model = found.get();
    cloudwatch = BotocoreModel.cloudwatch().orElse(null);
    catalog = CrdCatalog.fromClasspath();
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          LmiFunction | spec.awsName | CreateFunction:FunctionName | list-orders |
          LmiFunction | spec.runtime | CreateFunction:Runtime | java21 |
          LmiFunction | spec.handler | CreateFunction:Handler | a.B::handleRequest |
          LmiFunction | spec.roleArn | CreateFunction:Role | arn:aws:iam::123456789012:role/x |
          LmiFunction | spec.roleArn | UpdateFunctionConfiguration:Role | arn:aws:iam::123456789012:role/x |
          LmiFunction | spec.memoryMiB | CreateFunction:MemorySize | 4096 |
          LmiFunction | spec.timeoutSeconds | CreateFunction:Timeout | 30 |
          LmiFunction | spec.architecture | CreateFunction:Architectures[] | arm64 |
          LmiFunction | spec.environment{key} | CreateFunction:Environment.Variables{key} | TABLE_NAME |
          LmiFunction | spec.environment{value} | CreateFunction:Environment.Variables{value} | orders |
          LmiFunction | spec.layers[] | CreateFunction:Layers[] | arn:aws:lambda:us-east-1:123456789012:layer:x:1 |
          LmiFunction | spec.logging.format | CreateFunction:LoggingConfig.LogFormat | JSON |
          LmiFunction | spec.logging.applicationLogLevel | CreateFunction:LoggingConfig.ApplicationLogLevel | INFO |
          LmiFunction | spec.logging.systemLogLevel | CreateFunction:LoggingConfig.SystemLogLevel | WARN |
          LmiFunction | spec.logging.logGroup | CreateFunction:LoggingConfig.LogGroup | /aws/lambda/x |
          LmiFunction | spec.tracing | CreateFunction:TracingConfig.Mode | Active |
          LmiFunction | spec.ephemeralStorageMiB | CreateFunction:EphemeralStorage.Size | 512 |
          LmiFunction | spec.code.s3.bucket | CreateFunction:Code.S3Bucket | artifacts |
          LmiFunction | spec.code.s3.key | UpdateFunctionCode:S3Key | a/b.jar |
          LmiFunction | spec.code.s3.objectVersion | UpdateFunctionCode:S3ObjectVersion | 3HL4kq |
          LmiFunction | spec.code.imageUri | CreateFunction:Code.ImageUri | 123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1 |
          LmiFunction | spec.maxConcurrencyPerEnvironment | CreateFunction:CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.PerExecutionEnvironmentMaxConcurrency | 32 |
          LmiFunction | spec.memoryGiBPerVCpu | CreateFunction:CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.ExecutionEnvironmentMemoryGiBPerVCpu | 4 |
          LmiFunction | spec.tags{key} | TagResource:Tags{key} | team |
          LmiFunction | spec.tags{value} | TagResource:Tags{value} | orders |
          LmiFunction | spec.alias.name | CreateAlias:Name | live |
          LmiFunction | spec.scaling.minExecutionEnvironments | PutFunctionScalingConfig:FunctionScalingConfig.MinExecutionEnvironments | 3 |
          LmiFunction | spec.scaling.maxExecutionEnvironments | PutFunctionScalingConfig:FunctionScalingConfig.MaxExecutionEnvironments | 4 |
          CapacityProvider | spec.awsName | CreateCapacityProvider:CapacityProviderName | orders-pool |
          CapacityProvider | spec.vpc.subnetIds | CreateCapacityProvider:VpcConfig.SubnetIds | [subnet-0a1] |
          CapacityProvider | spec.vpc.subnetIds[] | CreateCapacityProvider:VpcConfig.SubnetIds[] | subnet-0a1 |
          CapacityProvider | spec.vpc.securityGroupIds | CreateCapacityProvider:VpcConfig.SecurityGroupIds | [sg-1] |
          CapacityProvider | spec.vpc.securityGroupIds[] | CreateCapacityProvider:VpcConfig.SecurityGroupIds[] | sg-1 |
          CapacityProvider | spec.operatorRoleArn | CreateCapacityProvider:PermissionsConfig.CapacityProviderOperatorRoleArn | arn:aws:iam::123456789012:role/x |
          CapacityProvider | spec.instanceRequirements.architecture | CreateCapacityProvider:InstanceRequirements.Architectures[] | arm64 |
          CapacityProvider | spec.instanceRequirements.allowedInstanceTypes | CreateCapacityProvider:InstanceRequirements.AllowedInstanceTypes | [m7g.large] |
          CapacityProvider | spec.instanceRequirements.allowedInstanceTypes[] | CreateCapacityProvider:InstanceRequirements.AllowedInstanceTypes[] | m7g.large | *
          CapacityProvider | spec.instanceRequirements.excludedInstanceTypes[] | CreateCapacityProvider:InstanceRequirements.ExcludedInstanceTypes[] | m7g.large | *
          CapacityProvider | spec.scaling.maxVCpuCount | CreateCapacityProvider:CapacityProviderScalingConfig.MaxVCpuCount | 64 |
          CapacityProvider | spec.scaling.maxVCpuCount | UpdateCapacityProvider:CapacityProviderScalingConfig.MaxVCpuCount | 64 |
          CapacityProvider | spec.scaling.mode | CreateCapacityProvider:CapacityProviderScalingConfig.ScalingMode | Auto |
          CapacityProvider | spec.scaling.targetCpuUtilization | CreateCapacityProvider:CapacityProviderScalingConfig.ScalingPolicies[].TargetValue | 50 |
          CapacityProvider | spec.kmsKeyArn | CreateCapacityProvider:KmsKeyArn | arn:aws:kms:us-east-1:123456789012:key/1 |
          CapacityProvider | spec.tags{key} | CreateCapacityProvider:Tags{key} | team |
          CapacityProvider | spec.tags{value} | CreateCapacityProvider:Tags{value} | orders |
          CapacityProvider | spec.propagateTags.explicitTags | CreateCapacityProvider:PropagateTags.ExplicitTags | {team: orders} |
          CapacityProvider | spec.propagateTags.explicitTags{key} | CreateCapacityProvider:PropagateTags.ExplicitTags{key} | team |
          CapacityProvider | spec.propagateTags.explicitTags{value} | CreateCapacityProvider:PropagateTags.ExplicitTags{value} | orders |
          CapacityProvider | spec.telemetry.logGroup | CreateCapacityProvider:TelemetryConfig.LoggingConfig.LogGroup | /aws/x |
          CapacityProvider | spec.telemetry.systemLogLevel | CreateCapacityProvider:TelemetryConfig.LoggingConfig.SystemLogLevel | WARN |
          LmiFunction | spec.rollout.analysis.alarms[] | cloudwatch/DescribeAlarms:AlarmNames[] | orders-list-5xx |
          LmiFunction | spec.rollout.analysis.alarms | cloudwatch/DescribeAlarms:AlarmNames | [orders-list-5xx] |
          """)
  void theCrdIsAtLeastAsStrictAsTheModel(
      String kind, String field, String member, String seed, String exempt) {
    var cw = member.startsWith("cloudwatch/");
    assumeTrue(!cw || cloudwatch != null, "botocore has no CloudWatch model");
    var shape =
        cw ? cloudwatch.shape(member.substring("cloudwatch/".length())) : model.shape(member);
    assumeTrue(shape.isPresent(), member + " is not in this botocore model");
    var crd = CrdField.of(catalog, kind, field);
    var rejectedByAws = new ArrayList<String>();
    for (var probe : probes(shape.get(), crd, seed)) {
      if (exempt != null && probe.asText().contains(exempt)) {
        // Wildcards: the service takes c7g.* since the model's 2026 update; older models lack '*'.
        continue;
      }
      if (crd.accepts(probe) && !modelAccepts(shape.get(), crd, probe)) {
        rejectedByAws.add(probe.toString());
      }
    }
    assertThat(rejectedByAws)
        .as("values of %s that the CRD accepts but %s rejects", field, member)
        .isEmpty();
  }

  private static List<JsonNode> probes(BotocoreModel.Shape shape, CrdField crd, String seed) {
    return switch (shape.type()) {
      case "integer", "long", "double", "float" -> numbers(shape);
      case "list" -> lists(shape, crd, seed);
      case "map" -> maps(shape);
      default ->
          ProbeStrings.around(seed, shape, crd).stream()
              .map(s -> (JsonNode) JSON.textNode(s))
              .toList();
    };
  }

  private static List<JsonNode> numbers(BotocoreModel.Shape shape) {
    var values = new ArrayList<JsonNode>();
    for (var bound : List.of(shape.min(), shape.max())) {
      bound.ifPresent(
          b -> {
            values.add(JSON.numberNode(b - 1));
            values.add(JSON.numberNode(b + 1));
            values.add(JSON.numberNode(Math.round(b) - 1L));
            values.add(JSON.numberNode(Math.round(b) + 1L));
            values.add(JSON.numberNode(b - 0.5));
            values.add(JSON.numberNode(b + 0.5));
          });
    }
    values.add(JSON.numberNode(-1_000_000_000L));
    values.add(JSON.numberNode(1_000_000_000L));
    return values;
  }

  private static List<JsonNode> lists(BotocoreModel.Shape shape, CrdField crd, String seed) {
    var item = seed.substring(1, seed.length() - 1);
    var sizes = new ArrayList<Integer>(List.of(0, 1));
    shape.max().ifPresent(m -> sizes.add((int) (double) m + 1));
    crd.maxItems().ifPresent(m -> sizes.add(m + 1));
    return sizes.stream()
        .map(
            n -> {
              var array = JSON.arrayNode();
              for (var i = 0; i < n; i++) {
                array.add(item.replaceAll("\\d+$", "") + i);
              }
              return (JsonNode) array;
            })
        .toList();
  }

  private static List<JsonNode> maps(BotocoreModel.Shape shape) {
    var sizes = new ArrayList<Integer>(List.of(0, 1, 50, 51));
    shape.max().ifPresent(m -> sizes.add((int) (double) m + 1));
    return sizes.stream()
        .map(
            n -> {
              var object = JSON.objectNode();
              for (var i = 0; i < n; i++) {
                object.put("k" + i, "v");
              }
              return (JsonNode) object;
            })
        .toList();
  }

  private static boolean modelAccepts(BotocoreModel.Shape shape, CrdField crd, JsonNode probe) {
    if (probe.isNumber()) {
      var v = probe.asDouble();
      return shape.min().map(m -> v >= m).orElse(true) && shape.max().map(m -> v <= m).orElse(true);
    }
    if (probe.isContainerNode()) {
      return shape.min().map(m -> probe.size() >= m).orElse(true)
          && shape.max().map(m -> probe.size() <= m).orElse(true);
    }
    return shape.accepts(probe.asText());
  }
}
