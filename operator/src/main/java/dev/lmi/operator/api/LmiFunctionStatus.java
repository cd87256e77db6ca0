package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Observed state of a function: versions, alias and scaling as the operator last saw them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LmiFunctionStatus implements ConditionedStatus {

  @JsonPropertyDescription("metadata.generation the status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready and its reason.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Name of the function in AWS.")
  private String awsName;

  @JsonPropertyDescription("Unqualified ARN of the function.")
  private String functionArn;

  @JsonPropertyDescription("ARN of the capacity provider the function runs on.")
  private String capacityProviderArn;

  @JsonPropertyDescription("State of $LATEST (ActiveNonInvocable once configured).")
  private String state;

  @JsonPropertyDescription("LastUpdateStatus of $LATEST: InProgress, Successful or Failed.")
  private String lastUpdateStatus;

  @JsonPropertyDescription("Newest published version.")
  private String publishedVersion;

  @JsonPropertyDescription("State of the newest published version.")
  private String publishedVersionState;

  @JsonPropertyDescription("Name of the alias.")
  private String aliasName;

  @JsonPropertyDescription("ARN of the alias: what callers invoke.")
  private String aliasArn;

  @JsonPropertyDescription("Version the alias points at.")
  private String aliasVersion;

  @JsonPropertyDescription(
      "Identity of the code last applied (S3 version, image digest or sha256).")
  private String codeIdentity;

  @JsonPropertyDescription("CodeSha256 AWS reports for $LATEST.")
  private String codeSha256;

  @JsonPropertyDescription("Hash of the function configuration last applied to AWS.")
  private String configHash;

  @JsonPropertyDescription(
      "Hash of code identity and configuration of the newest published version.")
  private String publishedHash;

  @JsonPropertyDescription("Version that failed to become Active, if the newest publish failed.")
  private String failedVersion;

  @JsonPropertyDescription("Published versions the operator keeps, oldest first.")
  private List<String> versions;

  @JsonPropertyDescription("Scaling AWS reports as applied to the alias's version.")
  private ScalingStatus scaling;

  @JsonPropertyDescription(
      "Hash of the configuration $LATEST was last read to match: while a publish or scaling change"
          + " of it is under way, $LATEST is not read again.")
  private String latestHash;

  @JsonPropertyDescription(
      "True when a function of awsName exists in AWS that this object may not write: the name is"
          + " read, never created again.")
  private Boolean nameTaken;

  @JsonPropertyDescription(
      "With the annotation lmi.dev/dry-run: \"true\", what the operator would do in AWS; nothing"
          + " is done until the annotation is removed.")
  private ObjectPlan plan;

  @JsonPropertyDescription(
      "The scaling in force now (base, a schedule or suspend) and its next change.")
  private EffectiveScalingStatus effectiveScaling;

  @JsonPropertyDescription("vCPUs the function holds on its capacity provider.")
  private FunctionCapacityStatus capacity;

  @JsonPropertyDescription("Estimated monthly cost of the function's warm baseline (an estimate).")
  private CostStatus cost;

  @JsonPropertyDescription("The current or last rollout of a new version (spec.rollout).")
  private RolloutStatus rollout;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getAwsName() {
    return awsName;
  }

  public void setAwsName(String awsName) {
    this.awsName = awsName;
  }

  public String getFunctionArn() {
    return functionArn;
  }

  public void setFunctionArn(String functionArn) {
    this.functionArn = functionArn;
  }

  public String getCapacityProviderArn() {
    return capacityProviderArn;
  }

  public void setCapacityProviderArn(String capacityProviderArn) {
    this.capacityProviderArn = capacityProviderArn;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getLastUpdateStatus() {
    return lastUpdateStatus;
  }

  public void setLastUpdateStatus(String lastUpdateStatus) {
    this.lastUpdateStatus = lastUpdateStatus;
  }

  public String getPublishedVersion() {
    return publishedVersion;
  }

  public void setPublishedVersion(String publishedVersion) {
    this.publishedVersion = publishedVersion;
  }

  public String getPublishedVersionState() {
    return publishedVersionState;
  }

  public void setPublishedVersionState(String publishedVersionState) {
    this.publishedVersionState = publishedVersionState;
  }

  public String getAliasName() {
    return aliasName;
  }

  public void setAliasName(String aliasName) {
    this.aliasName = aliasName;
  }

  public String getAliasArn() {
    return aliasArn;
  }

  public void setAliasArn(String aliasArn) {
    this.aliasArn = aliasArn;
  }

  public String getAliasVersion() {
    return aliasVersion;
  }

  public void setAliasVersion(String aliasVersion) {
    this.aliasVersion = aliasVersion;
  }

  public String getCodeIdentity() {
    return codeIdentity;
  }

  public void setCodeIdentity(String codeIdentity) {
    this.codeIdentity = codeIdentity;
  }

  public String getCodeSha256() {
    return codeSha256;
  }

  public void setCodeSha256(String codeSha256) {
    this.codeSha256 = codeSha256;
  }

  public String getConfigHash() {
    return configHash;
  }

  public void setConfigHash(String configHash) {
    this.configHash = configHash;
  }

  public String getPublishedHash() {
    return publishedHash;
  }

  public void setPublishedHash(String publishedHash) {
    this.publishedHash = publishedHash;
  }

  public String getFailedVersion() {
    return failedVersion;
  }

  public void setFailedVersion(String failedVersion) {
    this.failedVersion = failedVersion;
  }

  public List<String> getVersions() {
    return versions;
  }

  public void setVersions(List<String> versions) {
    this.versions = versions;
  }

  public ScalingStatus getScaling() {
    return scaling;
  }

  public void setScaling(ScalingStatus scaling) {
    this.scaling = scaling;
  }

  public String getLatestHash() {
    return latestHash;
  }

  public void setLatestHash(String latestHash) {
    this.latestHash = latestHash;
  }

  public Boolean getNameTaken() {
    return nameTaken;
  }

  public void setNameTaken(Boolean nameTaken) {
    this.nameTaken = nameTaken;
  }

  public ObjectPlan getPlan() {
    return plan;
  }

  public void setPlan(ObjectPlan plan) {
    this.plan = plan;
  }

  public EffectiveScalingStatus getEffectiveScaling() {
    return effectiveScaling;
  }

  public void setEffectiveScaling(EffectiveScalingStatus effectiveScaling) {
    this.effectiveScaling = effectiveScaling;
  }

  public FunctionCapacityStatus getCapacity() {
    return capacity;
  }

  public void setCapacity(FunctionCapacityStatus capacity) {
    this.capacity = capacity;
  }

  public CostStatus getCost() {
    return cost;
  }

  public void setCost(CostStatus cost) {
    this.cost = cost;
  }

  public RolloutStatus getRollout() {
    return rollout;
  }

  public void setRollout(RolloutStatus rollout) {
    this.rollout = rollout;
  }
}
