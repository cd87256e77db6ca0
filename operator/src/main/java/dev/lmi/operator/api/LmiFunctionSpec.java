package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** Desired state of a function on Lambda Managed Instances. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    // An invalid ratio is reported by its own rule; guarding here avoids a division by zero and
    // a second, confusing message.
    value =
        "!(self.memoryGiBPerVCpu in [2, 4, 8]) || self.memoryMiB % (self.memoryGiBPerVCpu * 1024)"
            + " == 0",
    messageExpression =
        "'memoryMiB ' + string(self.memoryMiB) + ' is not a multiple of '"
            + " + string(self.memoryGiBPerVCpu * 1024) + ' (memoryGiBPerVCpu '"
            + " + string(self.memoryGiBPerVCpu) + ' × 1024)'",
    fieldPath = ".memoryMiB")
@ValidationRule(
    value =
        "!has(self.maxConcurrencyPerEnvironment) || !(self.memoryGiBPerVCpu in [2, 4, 8]) ||"
            + " self.memoryMiB % (self.memoryGiBPerVCpu * 1024) != 0 ||"
            + " self.maxConcurrencyPerEnvironment <= 64 * (self.memoryMiB / (self.memoryGiBPerVCpu"
            + " * 1024))",
    messageExpression =
        "'maxConcurrencyPerEnvironment ' + string(self.maxConcurrencyPerEnvironment) + ' is more"
            + " than 64 per vCPU: ' + string(self.memoryMiB / (self.memoryGiBPerVCpu * 1024)) +"
            + " ' vCPU (memoryMiB ' + string(self.memoryMiB) + ' / (memoryGiBPerVCpu ' +"
            + " string(self.memoryGiBPerVCpu) + ' × 1024)) allow at most ' + string(64 *"
            + " (self.memoryMiB / (self.memoryGiBPerVCpu * 1024)))",
    fieldPath = ".maxConcurrencyPerEnvironment")
@ValidationRule(
    value = "has(self.code.imageUri) || (has(self.runtime) && has(self.handler))",
    message = "runtime and handler are required for code.s3 (a zip or jar)",
    fieldPath = ".runtime")
@ValidationRule(
    value = "!has(self.code.imageUri) || (!has(self.runtime) && !has(self.handler))",
    message = "runtime and handler must be omitted for code.imageUri (the image defines them)",
    fieldPath = ".runtime")
@ValidationRule(
    value =
        "has(self.awsName) == has(oldSelf.awsName) && (!has(self.awsName) || self.awsName =="
            + " oldSelf.awsName)",
    message = "awsName is immutable: it names the function in AWS",
    fieldPath = ".awsName",
    reason = "FieldValueForbidden")
public class LmiFunctionSpec {

  @JsonPropertyDescription("The CapacityProvider this function runs on.")
  @Required
  private CapacityProviderRef capacityProviderRef;

  @JsonPropertyDescription(
      "Function name in AWS (letters, digits, '-', '_'; at most 64). Defaults to"
          + " <namespace>-<name>, shortened with a hash when longer. Immutable.")
  @Pattern("^[a-zA-Z0-9_-]+$")
  @Size(min = 1, max = 64)
  private String awsName;

  @JsonPropertyDescription(
      "Lambda runtime (LMI-supported runtimes only). Omit for container images.")
  private LmiRuntime runtime;

  @JsonPropertyDescription("Handler, e.g. com.example.Handler::handleRequest. Omit for images.")
  @Size(min = 1, max = 128)
  @Pattern("^[^\\s]+$")
  private String handler;

  @JsonPropertyDescription("Where the code comes from: exactly one of s3 and imageUri.")
  @Required
  private CodeSpec code;

  @JsonPropertyDescription("Execution role of the function.")
  @Required
  @Pattern("^arn:(aws[a-zA-Z-]*)?:iam::[0-9]{12}:role/?[a-zA-Z_0-9+=,.@/-]+$")
  @Size(max = 2048)
  private String roleArn;

  @JsonPropertyDescription(
      "Memory per execution environment in MiB (2048-32768), a multiple of memoryGiBPerVCpu x"
          + " 1024; vCPUs = memoryMiB / (memoryGiBPerVCpu x 1024).")
  @Default(Defaults.MEMORY_MIB)
  @Min(2048)
  @Max(32768)
  private Integer memoryMiB;

  @JsonPropertyDescription("GiB of memory per vCPU: 2, 4 or 8.")
  @Default(Defaults.MEMORY_GIB_PER_VCPU)
  @Min(2)
  @Max(8)
  @ValidationRule(
      value = "self == 2 || self == 4 || self == 8",
      messageExpression = "'memoryGiBPerVCpu must be 2, 4 or 8, not ' + string(self)")
  private Integer memoryGiBPerVCpu;

  @JsonPropertyDescription(
      "Most concurrent invocations one execution environment takes (1-1600, at most 64 per"
          + " vCPU). AWS defaults per runtime, e.g. 32 per vCPU for Java.")
  @Min(1)
  @Max(1600)
  private Integer maxConcurrencyPerEnvironment;

  @JsonPropertyDescription("Execution environments of the published version.")
  private FunctionScalingSpec scaling;

  @JsonPropertyDescription(
      "true: scale the live version to zero now (min = max = 0: Lambda deactivates it; nothing"
          + " runs or costs, invocations fail) and keep it there, whatever the schedules say;"
          + " false again: reactivate it and wait until Active. Ready stays True with reason"
          + " Suspended.")
  @Default(Defaults.SUSPEND)
  private Boolean suspend;

  @JsonPropertyDescription("Timeout of one invocation in seconds (1-900).")
  @Default(Defaults.TIMEOUT_SECONDS)
  @Min(1)
  @Max(900)
  private Integer timeoutSeconds;

  @JsonPropertyDescription("x86_64 or arm64; must match the capacity provider.")
  @Default(Defaults.ARCHITECTURE)
  private Architecture architecture;

  @JsonPropertyDescription(
      "Environment variables (at most 4 KB as JSON, all together). Never put secrets here:"
          + " reference them instead.")
  @Size(max = 100)
  @ValidationRule(
      value = AwsRules.ENV_NAME_RULE,
      message =
          "environment variable names start with a letter and have at least one more letter,"
              + " digit or '_'")
  @ValidationRule(
      value =
          "self.all(k, !(k in ['_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION',"
              + " 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',"
              + " 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION',"
              + " 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',"
              + " 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID',"
              + " 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_LAMBDA_RUNTIME_API',"
              + " 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR']))",
      message = "environment uses a name that Lambda reserves (e.g. AWS_REGION, _HANDLER)")
  @ValidationRule(value = AwsRules.ENV_SIZE_RULE, message = AwsRules.ENV_SIZE_MESSAGE)
  private Map<String, @Size(max = 4096) String> environment;

  @JsonPropertyDescription("Layer version ARNs (at most 5, one version of each layer).")
  @Size(max = 5)
  @ValidationRule(
      value =
          "self.all(a, !a.contains(':') || self.exists_one(b, b.contains(':') &&"
              + " b.substring(0, b.lastIndexOf(':')) == a.substring(0, a.lastIndexOf(':'))))",
      message = "layers names a layer twice: Lambda takes one version of each layer")
  private List<
          @Pattern("^arn:[a-zA-Z0-9-]+:lambda:[a-z0-9-]+:[0-9]{12}:layer:[a-zA-Z0-9_-]+:[0-9]+$")
          @Size(min = 1, max = 140) String>
      layers;

  @JsonPropertyDescription("Log format, levels and group.")
  private LoggingSpec logging;

  @JsonPropertyDescription("X-Ray tracing: Active or PassThrough.")
  @Default(Defaults.TRACING)
  private TracingMode tracing;

  @JsonPropertyDescription("Size of /tmp in MiB (512-10240).")
  @Default(Defaults.EPHEMERAL_STORAGE_MIB)
  @Min(512)
  @Max(10240)
  private Integer ephemeralStorageMiB;

  @JsonPropertyDescription(
      "Tags of the function in AWS (at most 45: Lambda allows 50 with the operator's own).")
  @Size(max = 45)
  @ValidationRule(value = AwsRules.TAG_KEY_RULE, message = AwsRules.TAG_KEY_MESSAGE)
  @ValidationRule(value = AwsRules.TAG_AWS_RULE, message = AwsRules.TAG_AWS_MESSAGE)
  @ValidationRule(value = AwsRules.TAG_LMI_RULE, message = AwsRules.TAG_LMI_MESSAGE)
  private Map<String, @Size(max = 256) @Pattern(AwsRules.TAG_PATTERN) String> tags;

  @JsonPropertyDescription("The alias that serves traffic; it follows the newest Active version.")
  private AliasSpec alias;

  @JsonPropertyDescription(
      "How many published versions to keep (1-50); older ones are deleted unless an alias uses"
          + " them. A capacity provider holds at most 100 versions in all.")
  @Default(Defaults.KEEP_VERSIONS)
  @Min(1)
  @Max(50)
  private Integer keepVersions;

  @JsonPropertyDescription(
      "Delete removes the function from AWS when this object is deleted; Retain leaves it.")
  @Default(Defaults.DELETION_POLICY)
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription(
      "How a new version takes the alias's traffic: AllAtOnce (default), Canary or Linear, with"
          + " optional analysis that rolls back on alarms or errors.")
  private RolloutSpec rollout;

  public CapacityProviderRef getCapacityProviderRef() {
    return capacityProviderRef;
  }

  public void setCapacityProviderRef(CapacityProviderRef capacityProviderRef) {
    this.capacityProviderRef = capacityProviderRef;
  }

  public String getAwsName() {
    return awsName;
  }

  public void setAwsName(String awsName) {
    this.awsName = awsName;
  }

  public LmiRuntime getRuntime() {
    return runtime;
  }

  public void setRuntime(LmiRuntime runtime) {
    this.runtime = runtime;
  }

  public String getHandler() {
    return handler;
  }

  public void setHandler(String handler) {
    this.handler = handler;
  }

  public CodeSpec getCode() {
    return code;
  }

  public void setCode(CodeSpec code) {
    this.code = code;
  }

  public String getRoleArn() {
    return roleArn;
  }

  public void setRoleArn(String roleArn) {
    this.roleArn = roleArn;
  }

  public Integer getMemoryMiB() {
    return memoryMiB;
  }

  public void setMemoryMiB(Integer memoryMiB) {
    this.memoryMiB = memoryMiB;
  }

  public Integer getMemoryGiBPerVCpu() {
    return memoryGiBPerVCpu;
  }

  public void setMemoryGiBPerVCpu(Integer memoryGiBPerVCpu) {
    this.memoryGiBPerVCpu = memoryGiBPerVCpu;
  }

  public Integer getMaxConcurrencyPerEnvironment() {
    return maxConcurrencyPerEnvironment;
  }

  public void setMaxConcurrencyPerEnvironment(Integer maxConcurrencyPerEnvironment) {
    this.maxConcurrencyPerEnvironment = maxConcurrencyPerEnvironment;
  }

  public FunctionScalingSpec getScaling() {
    return scaling;
  }

  public void setScaling(FunctionScalingSpec scaling) {
    this.scaling = scaling;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Architecture getArchitecture() {
    return architecture;
  }

  public void setArchitecture(Architecture architecture) {
    this.architecture = architecture;
  }

  public Map<String, String> getEnvironment() {
    return environment;
  }

  public void setEnvironment(Map<String, String> environment) {
    this.environment = environment;
  }

  public List<String> getLayers() {
    return layers;
  }

  public void setLayers(List<String> layers) {
    this.layers = layers;
  }

  public LoggingSpec getLogging() {
    return logging;
  }

  public void setLogging(LoggingSpec logging) {
    this.logging = logging;
  }

  public TracingMode getTracing() {
    return tracing;
  }

  public void setTracing(TracingMode tracing) {
    this.tracing = tracing;
  }

  public Integer getEphemeralStorageMiB() {
    return ephemeralStorageMiB;
  }

  public void setEphemeralStorageMiB(Integer ephemeralStorageMiB) {
    this.ephemeralStorageMiB = ephemeralStorageMiB;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }

  public AliasSpec getAlias() {
    return alias;
  }

  public void setAlias(AliasSpec alias) {
    this.alias = alias;
  }

  public Integer getKeepVersions() {
    return keepVersions;
  }

  public void setKeepVersions(Integer keepVersions) {
    this.keepVersions = keepVersions;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout;
  }
}
