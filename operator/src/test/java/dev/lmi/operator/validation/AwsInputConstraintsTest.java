package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every input constraint of the AWS operations the operator calls, one row each: the shipped
 * example broken in that one way is rejected at the field the request member comes from, and the
 * boundary value is accepted. {@code {x*N}} stands for N times x; {@code {ENV*N}}, {@code
 * {TAGS*N}}, {@code {SUBNETS*N}}, {@code {TYPES*N}} for maps and lists of N entries.
 */
class AwsInputConstraintsTest {
  private static final Pattern REPEAT = Pattern.compile("\\{([^{}*]+)\\*(\\d+)}");
  private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:";
  private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders";
  private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

  private static ObjectValidator validator;

  @BeforeAll
  static void loadCrds() {
    validator = new ObjectValidator();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          FunctionName: 64 characters | F | spec.awsName={a*65} | spec.awsName | at most 64 | spec.awsName={a*64}
          FunctionName: pattern | F | spec.awsName=orders.list | spec.awsName | does not match | spec.awsName=Orders_list-2
          FunctionName: no line break at the end (Go regex $) | F | spec.awsName="orders\\n" | spec.awsName | does not match | spec.awsName=orders
          Handler: 128 characters | F | spec.handler={h*129} | spec.handler | at most 128 | spec.handler={h*128}
          Handler: no whitespace | F | spec.handler=a b | spec.handler | does not match | spec.handler=a.B::c
          Runtime: LMI runtimes | F | spec.runtime=java17 | spec.runtime | "java17" | spec.runtime=java25
          Role: pattern | F | spec.roleArn=arn:aws:iam::12345678901:role/x | spec.roleArn | does not match | spec.roleArn=arn:aws-us-gov:iam::123456789012:role/a/b+=,.@-_x
          Role: length | F | spec.roleArn=arn:aws:iam::123456789012:role/{r*2018} | spec.roleArn | at most 2,048 | spec.roleArn=arn:aws:iam::123456789012:role/{r*2017}
          MemorySize: LMI minimum | F | spec.memoryMiB=2047 | spec.memoryMiB | minimum value of 2048 | spec.memoryMiB=2048
          MemorySize: maximum | F | spec.memoryMiB=32769 | spec.memoryMiB | maximum value of 32768 | spec.memoryMiB=32768
          ExecutionEnvironmentMemoryGiBPerVCpu: 2 4 8 | F | spec.memoryGiBPerVCpu=16;spec.memoryMiB=16384 | spec.memoryGiBPerVCpu | must be 2, 4 or 8 | spec.memoryGiBPerVCpu=8;spec.memoryMiB=8192
          PerExecutionEnvironmentMaxConcurrency: 1600 | F | spec.maxConcurrencyPerEnvironment=1601;spec.memoryMiB=32768 | spec.maxConcurrencyPerEnvironment | maximum value of 1600 | spec.maxConcurrencyPerEnvironment=1024;spec.memoryMiB=32768
          PerExecutionEnvironmentMaxConcurrency: 1 | F | spec.maxConcurrencyPerEnvironment=0 | spec.maxConcurrencyPerEnvironment | minimum value of 1 | spec.maxConcurrencyPerEnvironment=1
          MinExecutionEnvironments: 15000 | F | spec.scaling.minExecutionEnvironments=15001;spec.scaling.maxExecutionEnvironments- | spec.scaling.minExecutionEnvironments | maximum value of 15000 | spec.scaling.minExecutionEnvironments=15000;spec.scaling.maxExecutionEnvironments=15000
          MaxExecutionEnvironments: 15000 | F | spec.scaling.maxExecutionEnvironments=15001 | spec.scaling.maxExecutionEnvironments | maximum value of 15000 | spec.scaling.maxExecutionEnvironments=15000
          Timeout: 900 | F | spec.timeoutSeconds=901 | spec.timeoutSeconds | maximum value of 900 | spec.timeoutSeconds=900
          Timeout: 1 | F | spec.timeoutSeconds=0 | spec.timeoutSeconds | minimum value of 1 | spec.timeoutSeconds=1
          EphemeralStorage: 10240 | F | spec.ephemeralStorageMiB=10241 | spec.ephemeralStorageMiB | maximum value of 10240 | spec.ephemeralStorageMiB=10240
          EphemeralStorage: 512 | F | spec.ephemeralStorageMiB=511 | spec.ephemeralStorageMiB | minimum value of 512 | spec.ephemeralStorageMiB=512
          Environment: one-letter name | F | spec.environment.X=x | spec.environment | at least one more | spec.environment.XY=x
          Environment: name starts with a letter | F | spec.environment.1A=x | spec.environment | start with a letter | spec.environment.A1=x
          Environment: reserved name | F | spec.environment.AWS_REGION=x | spec.environment | reserves | spec.environment.AWS_REGION_NAME=x
          Environment: 100 variables | F | spec.environment={ENV*101} | spec.environment | at most 100 | spec.environment={ENV*100}
          Environment: 4 KB of ASCII | F | spec.environment={AB: {x*4088}} | spec.environment | 4097 bytes | spec.environment={AB: {x*4087}}
          Environment: 4 KB counts JSON escapes | F | spec.environment={AB: '{"*2044}'} | spec.environment | 4097 bytes | spec.environment={AB: '{"*2043}'}
          Environment: 4 KB counts UTF-8 bytes | F | spec.environment={AB: {é*2044}} | spec.environment | 4097 bytes | spec.environment={AB: {é*2043}}
          Environment: 4 KB over many variables | F | spec.environment={ENV*100};spec.environment.V0={v*3107} | spec.environment | 4097 bytes | spec.environment={ENV*100};spec.environment.V0={v*3106}
          Layers: five | F | spec.layers=[{LAYER*6}] | spec.layers | at most 5 | spec.layers=[{LAYER*5}]
          Layers: one version of each layer | F | spec.layers=[LAYERa:1, LAYERa:2] | spec.layers | one version of each layer | spec.layers=[LAYERa:2, LAYERb:2]
          LayerVersionArn: 140 characters | F | spec.layers=[LAYER{n*95}:1] | spec.layers[0] | at most 140 | spec.layers=[LAYER{n*94}:1]
          LayerVersionArn: pattern | F | spec.layers=[LAYERa] | spec.layers[0] | does not match | spec.layers=[LAYERa_b-c:12]
          LogGroup: 512 characters | F | spec.logging.logGroup=/{g*512} | spec.logging.logGroup | at most 512 | spec.logging.logGroup=/{g*511}
          LogGroup: pattern | F | spec.logging.logGroup=/aws/lambda/a b | spec.logging.logGroup | does not match | spec.logging.logGroup=/aws/lambda/A_b-c.#1
          ApplicationLogLevel: enum | F | spec.logging.applicationLogLevel=VERBOSE | spec.logging.applicationLogLevel | "VERBOSE" | spec.logging.applicationLogLevel=TRACE
          SystemLogLevel: enum | F | spec.logging.systemLogLevel=ERROR | spec.logging.systemLogLevel | "ERROR" | spec.logging.systemLogLevel=DEBUG
          LogFormat: JSON only on LMI | F | spec.logging.format=Text | spec.logging.format | "Text" | spec.logging.format=JSON
          TracingConfig: enum | F | spec.tracing=None | spec.tracing | "None" | spec.tracing=PassThrough
          Tags: 50 with the operator's | F | spec.tags={TAGS*46} | spec.tags | at most 45 | spec.tags={TAGS*45}
          TagKey: 128 characters | F | spec.tags.{k*129}=v | spec.tags | tag keys are 1-128 | spec.tags.{k*128}=v
          TagKey: not empty | F | spec.tags={'': v} | spec.tags | tag keys are 1-128 | spec.tags={k: v}
          TagKey: characters | F | spec.tags.team!=v | spec.tags | tag keys are 1-128 | spec.tags={'Team é 1_.:/=+-@': v}
          TagKey: aws: in any case | F | spec.tags.AWS:team=v | spec.tags | must not start with aws: | spec.tags.awsome=v
          TagKey: the operator's own | F | spec.tags={lmi.dev/owner: v} | spec.tags | must not start with lmi.dev/ | spec.tags={lmi.dev-owner: v}
          TagValue: 256 characters | F | spec.tags.team={v*257} | spec.tags.team | at most 256 | spec.tags.team={v*256}
          TagValue: characters | F | spec.tags.team=a!b | spec.tags.team | does not match | spec.tags={team: 'a B_.:/=+-@é'}
          Alias: not a number | F | spec.alias.name='42' | spec.alias.name | is not a number | spec.alias.name=v42
          Alias: characters | F | spec.alias.name=live.1 | spec.alias.name | contains letters, digits | spec.alias.name=Live_1-a
          Alias: 128 characters | F | spec.alias.name={a*129} | spec.alias.name | at most 128 | spec.alias.name={a*128}
          S3Bucket: 3 characters | F | spec.code.s3.bucket=ab | spec.code.s3.bucket | at least 3 | spec.code.s3.bucket=abc
          S3Bucket: 63 characters | F | spec.code.s3.bucket={b*64} | spec.code.s3.bucket | at most 63 | spec.code.s3.bucket={b*63}
          S3Bucket: no trailing dot | F | spec.code.s3.bucket=artifacts. | spec.code.s3.bucket | does not match | spec.code.s3.bucket=Artifacts.v_2-x
          S3Key: 1024 characters | F | spec.code.s3.key={k*1025} | spec.code.s3.key | at most 1,024 | spec.code.s3.key={k*1024}
          S3Key: not empty | F | spec.code.s3.key='' | spec.code.s3.key | at least 1 | spec.code.s3.key=k
          S3ObjectVersion: 1024 characters | F | spec.code.s3.objectVersion={o*1025} | spec.code.s3.objectVersion | at most 1,024 | spec.code.s3.objectVersion={o*1024}
          ImageUri: Amazon ECR only | I | spec.code.imageUri=docker.io/library/orders:1 | spec.code.imageUri | does not match | spec.code.imageUri=ECR:1.4.2
          ImageUri: a tag or a digest | I | spec.code.imageUri=ECR | spec.code.imageUri | does not match | spec.code.imageUri=ECR:v1DIGEST
          CapacityProviderRef: a Kubernetes name | F | spec.capacityProviderRef.name=Orders_Pool | spec.capacityProviderRef.name | does not match | spec.capacityProviderRef.name=orders-pool
          CapacityProviderName: 64 for tagging | P | spec.awsName={a*65} | spec.awsName | at most 64 | spec.awsName={a*64}
          CapacityProviderName: pattern | P | spec.awsName=orders.pool | spec.awsName | does not match | spec.awsName=Orders_pool-2
          Region: pattern | P | spec.region=us-east | spec.region | does not match | spec.region=us-gov-west-1
          SubnetIds: 16 | P | spec.vpc.subnetIds=[{SUBNETS*17}] | spec.vpc.subnetIds | at most 16 | spec.vpc.subnetIds=[{SUBNETS*16}]
          SubnetId: pattern | P | spec.vpc.subnetIds[0]=subnet-0A1 | spec.vpc.subnetIds[0] | does not match | spec.vpc.subnetIds[0]=subnet-0ff
          SecurityGroupId: pattern | P | spec.vpc.securityGroupIds=[sg_1] | spec.vpc.securityGroupIds[0] | does not match | spec.vpc.securityGroupIds=[sg-0aB]
          CapacityProviderOperatorRoleArn: pattern | P | spec.operatorRoleArn=arn:aws:iam::123456789012:user/x | spec.operatorRoleArn | does not match | spec.operatorRoleArn=arn:aws:iam::123456789012:role/x
          InstanceTypeSet: 400 | P | spec.instanceRequirements.allowedInstanceTypes=[{TYPES*401}] | spec.instanceRequirements.allowedInstanceTypes | at most 400 | spec.instanceRequirements.allowedInstanceTypes=[{TYPES*400}]
          InstanceType: 30 characters | P | spec.instanceRequirements.allowedInstanceTypes=[{m*31}] | spec.instanceRequirements.allowedInstanceTypes[0] | at most 30 | spec.instanceRequirements.allowedInstanceTypes=[{m*30}]
          InstanceType: pattern | P | spec.instanceRequirements.allowedInstanceTypes=[m7g_large] | spec.instanceRequirements.allowedInstanceTypes[0] | does not match | spec.instanceRequirements.allowedInstanceTypes=[c7g.*, M7g-x.2xlarge]
          MaxVCpuCount: 15000 | P | spec.scaling.maxVCpuCount=15001 | spec.scaling.maxVCpuCount | maximum value of 15000 | spec.scaling.maxVCpuCount=15000
          MaxVCpuCount: 2 | P | spec.scaling.maxVCpuCount=1 | spec.scaling.maxVCpuCount | minimum value of 2 | spec.scaling.maxVCpuCount=2
          TargetValue: 100 | P | spec.scaling.mode=Manual;spec.scaling.targetCpuUtilization=100.5 | spec.scaling.targetCpuUtilization | maximum value of 100 | spec.scaling.mode=Manual;spec.scaling.targetCpuUtilization=100
          TargetValue: 0 | P | spec.scaling.mode=Manual;spec.scaling.targetCpuUtilization=-1 | spec.scaling.targetCpuUtilization | minimum value of 0 | spec.scaling.mode=Manual;spec.scaling.targetCpuUtilization=0
          ScalingMode: enum | P | spec.scaling.mode=Fixed | spec.scaling.mode | "Fixed" | spec.scaling.mode=Auto
          KmsKeyArn: pattern | P | spec.kmsKeyArn=key/1234 | spec.kmsKeyArn | does not match | spec.kmsKeyArn=arn:aws:kms:us-east-1:123456789012:key/1234abcd
          Provider Tags: 50 with the operator's | P | spec.tags={TAGS*46} | spec.tags | at most 45 | spec.tags={TAGS*45}
          Provider TagKey: aws: in any case | P | spec.tags.Aws:x=v | spec.tags | must not start with aws: | spec.tags.team=v
          Provider TagValue: 256 characters | P | spec.tags.team={v*257} | spec.tags.team | at most 256 | spec.tags.team={v*256}
          PropagateTags: 40 | P | spec.propagateTags.explicitTags={TAGS*41} | spec.propagateTags.explicitTags | at most 40 | spec.propagateTags.explicitTags={TAGS*40}
          PropagateTags TagKey: characters | P | spec.propagateTags.explicitTags.a!b=v | spec.propagateTags.explicitTags | tag keys are 1-128 | spec.propagateTags.explicitTags.a_b=v
          PropagateTags TagValue: 256 characters | P | spec.propagateTags.explicitTags.team={v*257} | spec.propagateTags.explicitTags.team | at most 256 | spec.propagateTags.explicitTags.team={v*256}
          Telemetry LogGroup: pattern | P | spec.telemetry.logGroup=/aws/a b | spec.telemetry.logGroup | does not match | spec.telemetry.logGroup=/aws/lambda/capacity-provider/x
          Telemetry LogGroup: 512 characters | P | spec.telemetry.logGroup=/{g*512} | spec.telemetry.logGroup | at most 512 | spec.telemetry.logGroup=/{g*511}
          Telemetry SystemLogLevel: enum | P | spec.telemetry.systemLogLevel=TRACE | spec.telemetry.systemLogLevel | "TRACE" | spec.telemetry.systemLogLevel=WARN
          EC2 tag filter: key 128 | S | spec.vpc.subnetSelector.tags.{k*129}=v | spec.vpc.subnetSelector.tags | 1-128 characters | spec.vpc.subnetSelector.tags.{k*128}=v
          EC2 tag filter: value 256 | S | spec.vpc.subnetSelector.tags.tier={v*257} | spec.vpc.subnetSelector.tags.tier | at most 256 | spec.vpc.subnetSelector.tags.tier={v*256}
          """)
  void rejectsTheViolationAtItsFieldAndAcceptsTheBoundary(
      String constraint,
      String base,
      String breaking,
      String path,
      String fragment,
      String boundary) {
    var broken = validator.validate(Manifests.edit(base(base), expand(breaking)));

    assertThat(broken)
        .as(constraint)
        .anySatisfy(
            v -> {
              assertThat(v.path()).isEqualTo(path);
              assertThat(v.message()).contains(fragment);
            });
    assertThat(broken).as(constraint).noneMatch(v -> v.message().startsWith("rule could not"));
    assertThat(validator.validate(Manifests.edit(base(base), expand(boundary))))
        .as(constraint + ": the boundary value")
        .isEmpty();
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode base(String base) {
    return switch (base) {
      case "F" -> Manifests.example("orders-list.yaml");
      case "I" ->
          Manifests.edit(
              Manifests.example("orders-list.yaml"),
              "spec.code.s3-;spec.runtime-;spec.handler-;spec.code.imageUri=" + ECR + DIGEST);
      case "S" ->
          Manifests.edit(
              Manifests.example("capacity-provider.yaml"),
              "spec.vpc.subnetIds-;spec.vpc.subnetSelector={tags: {tier: private}}");
      default -> Manifests.example("capacity-provider.yaml");
    };
  }

  static String expand(String edits) {
    var text = edits.replace("LAYER", LAYER).replace("ECR", ECR).replace("DIGEST", DIGEST);
    var m = REPEAT.matcher(text);
    var out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(repeat(m.group(1), Integer.parseInt(m.group(2)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String repeat(String what, int n) {
    return switch (what) {
      case "ENV" -> IntStream.range(0, n).mapToObj(i -> "V" + i + ": x").collect(joining("{", "}"));
      case "TAGS" ->
          IntStream.range(0, n).mapToObj(i -> "t" + i + ": x").collect(joining("{", "}"));
      case "SUBNETS" -> IntStream.range(0, n).mapToObj(i -> "subnet-" + i).collect(joining("", ""));
      case "TYPES" ->
          IntStream.range(0, n).mapToObj(i -> "m" + i + ".large").collect(joining("", ""));
      case LAYER ->
          IntStream.range(0, n).mapToObj(i -> LAYER + "l" + i + ":1").collect(joining("", ""));
      default -> what.repeat(n);
    };
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining(
      String open, String close) {
    return Collectors.joining(", ", open, close);
  }
}
