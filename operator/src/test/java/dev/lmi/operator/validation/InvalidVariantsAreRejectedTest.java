package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row starts from a shipped example and breaks exactly one rule. */
class InvalidVariantsAreRejectedTest {
  private static final String FUNCTION = "orders-list.yaml";
  private static final String PROVIDER = "capacity-provider.yaml";
  private static final String IMAGE =
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:"
          + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:powertools:";

  private static ObjectValidator validator;

  @BeforeAll
  static void loadCrds() {
    validator = new ObjectValidator();
  }

  @Test
  void theUnbrokenExamplesAreValid() {
    assertThat(validator.validate(Manifests.example(FUNCTION))).isEmpty();
    assertThat(validator.validate(Manifests.example(PROVIDER))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          memory below 2048 | F | spec.memoryMiB=1024 | spec.memoryMiB | minimum value of 2048
          memory above 32768 | F | spec.memoryMiB=34816 | spec.memoryMiB | maximum value of 32768
          memory not a multiple of the ratio | F | spec.memoryMiB=2096;spec.memoryGiBPerVCpu=4 | spec.memoryMiB | memoryMiB 2096 is not a multiple of 4096 (memoryGiBPerVCpu 4 × 1024)
          ratio 3 | F | spec.memoryGiBPerVCpu=3 | spec.memoryGiBPerVCpu | must be 2, 4 or 8, not 3
          concurrency 0 | F | spec.maxConcurrencyPerEnvironment=0 | spec.maxConcurrencyPerEnvironment | minimum value of 1
          concurrency 1601 | F | spec.maxConcurrencyPerEnvironment=1601 | spec.maxConcurrencyPerEnvironment | maximum value of 1600
          concurrency above 64 per vCPU | F | spec.maxConcurrencyPerEnvironment=65 | spec.maxConcurrencyPerEnvironment | 65 is more than 64 per vCPU
          min above max environments | F | spec.scaling.minExecutionEnvironments=5 | spec.scaling.minExecutionEnvironments | minExecutionEnvironments 5 is more than maxExecutionEnvironments 4
          both code sources | F | spec.code.imageUri=IMAGE;spec.runtime-;spec.handler- | spec.code | set exactly one of code.s3 and code.imageUri
          no code source | F | spec.code.s3- | spec.code | set exactly one of code.s3 and code.imageUri
          sha256 with an image | F | spec.code.s3-;spec.code.imageUri=IMAGE;spec.code.sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef;spec.runtime-;spec.handler- | spec.code.sha256 | applies to code.s3 only
          runtime LMI does not support | F | spec.runtime=java17 | spec.runtime | "java17"
          image with a runtime | F | spec.code.s3-;spec.code.imageUri=IMAGE | spec.runtime | must be omitted for code.imageUri
          s3 code without a handler | F | spec.handler- | spec.runtime | required for code.s3
          bad role ARN | F | spec.roleArn=arn:aws:iam::123:role/x | spec.roleArn | does not match
          missing role ARN | F | spec.roleArn- | spec.roleArn | required field is missing
          timeout 0 | F | spec.timeoutSeconds=0 | spec.timeoutSeconds | minimum value of 1
          timeout 901 | F | spec.timeoutSeconds=901 | spec.timeoutSeconds | maximum value of 900
          ephemeral storage 511 | F | spec.ephemeralStorageMiB=511 | spec.ephemeralStorageMiB | minimum value of 512
          reserved environment variable | F | spec.environment.AWS_REGION=eu-west-1 | spec.environment | reserves
          bad environment variable name | F | spec.environment.1TABLE=x | spec.environment | start with a letter
          more than 5 layers | F | spec.layers=[LAYER1, LAYER2, LAYER3, LAYER4, LAYER5, LAYER6] | spec.layers | at most 5 items
          bad layer ARN | F | spec.layers=[LAYER1, powertools] | spec.layers[1] | does not match
          keepVersions 0 | F | spec.keepVersions=0 | spec.keepVersions | minimum value of 1
          numeric alias name | F | spec.alias.name="42" | spec.alias.name | is not a number
          Text log format | F | spec.logging.format=Text | spec.logging.format | "Text"
          unknown tracing mode | F | spec.tracing=Enabled | spec.tracing | "Enabled"
          field name typo | F | spec.memoryMib=2048 | spec.memoryMib | unknown field "memoryMib" (did you mean memoryMiB?)
          nested field name typo | F | spec.scaling.maxExecutionEnvironment=4 | spec.scaling.maxExecutionEnvironment | did you mean maxExecutionEnvironments?
          string where a number belongs | F | spec.memoryMiB=lots | spec.memoryMiB | integer expected
          reserved tag key | F | spec.tags.aws:team=x | spec.tags | reserved
          no subnets | P | spec.vpc.subnetIds=[] | spec.vpc.subnetIds | at least 1 items
          17 subnets | P | spec.vpc.subnetIds=[subnet-1,subnet-2,subnet-3,subnet-4,subnet-5,subnet-6,subnet-7,subnet-8,subnet-9,subnet-10,subnet-11,subnet-12,subnet-13,subnet-14,subnet-15,subnet-16,subnet-17] | spec.vpc.subnetIds | at most 16 items
          bad subnet id | P | spec.vpc.subnetIds[2]=subnet_0a1 | spec.vpc.subnetIds[2] | "subnet_0a1"
          duplicate subnets | P | spec.vpc.subnetIds[2]=subnet-0a1b2c3d4e5f60001 | spec.vpc.subnetIds | must be unique
          subnet ids and a selector | P | spec.vpc.subnetSelector={tags: {tier: private}} | spec.vpc | set exactly one of vpc.subnetIds and vpc.subnetSelector
          six security groups | P | spec.vpc.securityGroupIds=[sg-1,sg-2,sg-3,sg-4,sg-5,sg-6] | spec.vpc.securityGroupIds | at most 5 items
          allowed and excluded instance types | P | spec.instanceRequirements.excludedInstanceTypes=[c7g.large] | spec.instanceRequirements | not both
          unknown architecture | P | spec.instanceRequirements.architecture=arm | spec.instanceRequirements.architecture | "arm"
          Manual scaling without a target | P | spec.scaling.mode=Manual | spec.scaling.targetCpuUtilization | required when mode is Manual
          Auto scaling with a target | P | spec.scaling.targetCpuUtilization=50 | spec.scaling.targetCpuUtilization | not allowed otherwise
          target CPU 101 | P | spec.scaling.mode=Manual;spec.scaling.targetCpuUtilization=101 | spec.scaling.targetCpuUtilization | maximum value of 100
          maxVCpuCount 1 | P | spec.scaling.maxVCpuCount=1 | spec.scaling.maxVCpuCount | minimum value of 2
          explicit tags with mode None | P | spec.propagateTags.mode=None | spec.propagateTags.explicitTags | needs mode Explicit
          no allowed namespaces | P | spec.allowedNamespaces=[] | spec.allowedNamespaces | at least 1 items
          bad allowed namespace | P | spec.allowedNamespaces=[orders, Search_Team] | spec.allowedNamespaces[1] | "Search_Team"
          metadata.name with a dot and no awsName | P | metadata.name=orders.pool | spec.awsName | not a valid AWS capacity provider name
          awsName of 65 characters | P | spec.awsName=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | spec.awsName | at most 64 characters
          bad KMS key ARN | P | spec.kmsKeyArn=alias/ebs | spec.kmsKeyArn | does not match
          missing operator role | P | spec.operatorRoleArn- | spec.operatorRoleArn | required field is missing
          metadata field typo | F | metadata.label={app: orders} | metadata.label | unknown field "label"
          bad metadata.name | P | metadata.name=Orders_Pool;spec.awsName=orders-pool | metadata.name | lowercase DNS subdomain
          """)
  void rejectsTheBrokenRuleAtItsFieldPath(
      String rule, String base, String edits, String path, String fragment) {
    var object = Manifests.example("F".equals(base) ? FUNCTION : PROVIDER).deepCopy();
    var broken = Manifests.edit(object, substitute(edits));

    var violations = validator.validate(broken);

    assertThat(violations)
        .as(rule)
        .anySatisfy(
            v -> {
              assertThat(v.path()).isEqualTo(path);
              assertThat(v.message()).contains(fragment);
            });
    assertThat(violations).as(rule).noneMatch(v -> v.message().startsWith("rule could not"));
  }

  private static String substitute(String edits) {
    var text = edits.replace("IMAGE", IMAGE);
    for (var i = 6; i >= 1; i--) {
      text = text.replace("LAYER" + i, LAYER + i);
    }
    return text;
  }
}
