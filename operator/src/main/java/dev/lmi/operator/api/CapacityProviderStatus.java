package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Observed state of a capacity provider: what the operator learned from AWS. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CapacityProviderStatus implements ConditionedStatus {

  @JsonPropertyDescription("metadata.generation the status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready and its reason, plus warnings such as SingleAvailabilityZone.")
  private List<Condition> conditions;

  @JsonPropertyDescription("ARN of the capacity provider in AWS.")
  private String arn;

  @JsonPropertyDescription("AWS state: Pending, Active, Failed or Deleting.")
  private String state;

  @JsonPropertyDescription("Name of the provider in AWS.")
  private String awsName;

  @JsonPropertyDescription("Region of the provider.")
  private String region;

  @JsonPropertyDescription(
      "Architecture of the provider's instances as AWS reports it: what its functions are judged"
          + " against, whatever a refused change of the spec says.")
  private String architecture;

  @JsonPropertyDescription("VPC of the subnets.")
  private String vpcId;

  @JsonPropertyDescription("Subnets in use (resolved from the selector when one is given).")
  private List<String> subnetIds;

  @JsonPropertyDescription("Security groups in use (resolved from the selector when one is given).")
  private List<String> securityGroupIds;

  @JsonPropertyDescription("Availability zones of the subnets.")
  private List<String> availabilityZones;

  @JsonPropertyDescription("Function versions attached to the provider (AWS allows 100).")
  private Integer attachedVersions;

  @JsonPropertyDescription("AWS quota of function versions per capacity provider.")
  private Integer versionQuota;

  @JsonPropertyDescription("VPC endpoints the operator created for this provider.")
  private List<String> createdEndpoints;

  @JsonPropertyDescription("True when the provider existed in AWS and was adopted.")
  private Boolean adopted;

  @JsonPropertyDescription("Hash of the updatable settings last applied to AWS.")
  private String appliedHash;

  @JsonPropertyDescription(
      "With the annotation lmi.dev/dry-run: \"true\", what the operator would do in AWS; nothing"
          + " is done until the annotation is removed.")
  private ObjectPlan plan;

  @JsonPropertyDescription(
      "vCPUs the functions on this provider hold at their minimum and could reach at their"
          + " maximum, against maxVCpuCount.")
  private ProviderCapacityStatus capacity;

  @JsonPropertyDescription("Estimated monthly cost of the warm baseline of its functions.")
  private CostStatus cost;

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

  public String getArn() {
    return arn;
  }

  public void setArn(String arn) {
    this.arn = arn;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getAwsName() {
    return awsName;
  }

  public void setAwsName(String awsName) {
    this.awsName = awsName;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getArchitecture() {
    return architecture;
  }

  public void setArchitecture(String architecture) {
    this.architecture = architecture;
  }

  public String getVpcId() {
    return vpcId;
  }

  public void setVpcId(String vpcId) {
    this.vpcId = vpcId;
  }

  public List<String> getSubnetIds() {
    return subnetIds;
  }

  public void setSubnetIds(List<String> subnetIds) {
    this.subnetIds = subnetIds;
  }

  public List<String> getSecurityGroupIds() {
    return securityGroupIds;
  }

  public void setSecurityGroupIds(List<String> securityGroupIds) {
    this.securityGroupIds = securityGroupIds;
  }

  public List<String> getAvailabilityZones() {
    return availabilityZones;
  }

  public void setAvailabilityZones(List<String> availabilityZones) {
    this.availabilityZones = availabilityZones;
  }

  public Integer getAttachedVersions() {
    return attachedVersions;
  }

  public void setAttachedVersions(Integer attachedVersions) {
    this.attachedVersions = attachedVersions;
  }

  public Integer getVersionQuota() {
    return versionQuota;
  }

  public void setVersionQuota(Integer versionQuota) {
    this.versionQuota = versionQuota;
  }

  public List<String> getCreatedEndpoints() {
    return createdEndpoints;
  }

  public void setCreatedEndpoints(List<String> createdEndpoints) {
    this.createdEndpoints = createdEndpoints;
  }

  public Boolean getAdopted() {
    return adopted;
  }

  public void setAdopted(Boolean adopted) {
    this.adopted = adopted;
  }

  public String getAppliedHash() {
    return appliedHash;
  }

  public void setAppliedHash(String appliedHash) {
    this.appliedHash = appliedHash;
  }

  public ObjectPlan getPlan() {
    return plan;
  }

  public void setPlan(ObjectPlan plan) {
    this.plan = plan;
  }

  public ProviderCapacityStatus getCapacity() {
    return capacity;
  }

  public void setCapacity(ProviderCapacityStatus capacity) {
    this.capacity = capacity;
  }

  public CostStatus getCost() {
    return cost;
  }

  public void setCost(CostStatus cost) {
    this.cost = cost;
  }
}
