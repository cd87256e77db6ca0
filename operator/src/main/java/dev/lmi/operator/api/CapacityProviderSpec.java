package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** Desired state of a capacity provider. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.awsName) == has(oldSelf.awsName) && (!has(self.awsName) || self.awsName =="
            + " oldSelf.awsName)",
    message = "awsName is immutable: it names the provider in AWS",
    fieldPath = ".awsName",
    reason = "FieldValueForbidden")
@ValidationRule(
    value =
        "has(self.region) == has(oldSelf.region) && (!has(self.region) || self.region =="
            + " oldSelf.region)",
    message = "region is immutable: create a new CapacityProvider in the other region",
    fieldPath = ".region",
    reason = "FieldValueForbidden")
public class CapacityProviderSpec {

  @JsonPropertyDescription(
      "Name of the capacity provider in AWS (letters, digits, '-', '_'; at most 64 characters so it"
          + " can be tagged). Defaults to metadata.name. Immutable.")
  @Pattern("^[a-zA-Z0-9_-]+$")
  @Size(min = 1, max = 64)
  private String awsName;

  @JsonPropertyDescription("AWS region, e.g. us-east-1. Defaults to the operator's region.")
  @Pattern("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$")
  private String region;

  @JsonPropertyDescription("Subnets and security groups of the instances. Create-only in AWS.")
  @Required
  private VpcSpec vpc;

  @JsonPropertyDescription(
      "IAM role Lambda assumes to manage the instances (usually with the"
          + " AWSLambdaManagedEC2ResourceOperator policy). Create-only in AWS.")
  @Required
  @Pattern("^arn:(aws[a-zA-Z-]*)?:iam::[0-9]{12}:role/?[a-zA-Z_0-9+=,.@/-]+$")
  @Size(max = 10000)
  private String operatorRoleArn;

  @JsonPropertyDescription("Architecture and instance types. Create-only in AWS.")
  private InstanceRequirementsSpec instanceRequirements;

  @JsonPropertyDescription("How the provider scales its instances. Updated in place.")
  private ProviderScalingSpec scaling;

  @JsonPropertyDescription("KMS key that encrypts the instances' EBS volumes. Create-only in AWS.")
  @Pattern("^arn:(aws[a-zA-Z-]*)?:[a-z0-9.-]+:.*$")
  @Size(max = 10000)
  private String kmsKeyArn;

  @JsonPropertyDescription(
      "Tags of the capacity provider in AWS (at most 45: Lambda allows 50 with the operator's"
          + " own).")
  @Size(max = 45)
  @ValidationRule(value = AwsRules.TAG_KEY_RULE, message = AwsRules.TAG_KEY_MESSAGE)
  @ValidationRule(value = AwsRules.TAG_AWS_RULE, message = AwsRules.TAG_AWS_MESSAGE)
  @ValidationRule(value = AwsRules.TAG_LMI_RULE, message = AwsRules.TAG_LMI_MESSAGE)
  private Map<String, @Size(max = 256) @Pattern(AwsRules.TAG_PATTERN) String> tags;

  @JsonPropertyDescription("Tags the provider passes on to the EC2 resources it creates.")
  private PropagateTagsSpec propagateTags;

  @JsonPropertyDescription("Logging of the provider's own platform logs. Updated in place.")
  private TelemetrySpec telemetry;

  @JsonPropertyDescription(
      "Namespaces whose LmiFunctions may run on this provider; \"*\" allows every namespace. A"
          + " capacity provider is a security boundary: only mutually trusted functions should"
          + " share it.")
  @Required
  @Size(min = 1, max = 256)
  private List<@Pattern("^([*]|[a-z0-9]([-a-z0-9]*[a-z0-9])?)$") @Size(min = 1, max = 63) String>
      allowedNamespaces;

  @JsonPropertyDescription(
      "What the functions on this provider may use: execution roles and code, as patterns."
          + " Absent: no restriction beyond allowedNamespaces. Applies at once, to every function"
          + " on the provider: one outside the patterns gets TenancyViolation and no AWS call.")
  private TenancySpec tenancy;

  @JsonPropertyDescription(
      "Delete removes the provider from AWS when this object is deleted; Retain leaves it.")
  @Default(Defaults.DELETION_POLICY)
  private DeletionPolicy deletionPolicy;

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

  public VpcSpec getVpc() {
    return vpc;
  }

  public void setVpc(VpcSpec vpc) {
    this.vpc = vpc;
  }

  public String getOperatorRoleArn() {
    return operatorRoleArn;
  }

  public void setOperatorRoleArn(String operatorRoleArn) {
    this.operatorRoleArn = operatorRoleArn;
  }

  public InstanceRequirementsSpec getInstanceRequirements() {
    return instanceRequirements;
  }

  public void setInstanceRequirements(InstanceRequirementsSpec instanceRequirements) {
    this.instanceRequirements = instanceRequirements;
  }

  public ProviderScalingSpec getScaling() {
    return scaling;
  }

  public void setScaling(ProviderScalingSpec scaling) {
    this.scaling = scaling;
  }

  public String getKmsKeyArn() {
    return kmsKeyArn;
  }

  public void setKmsKeyArn(String kmsKeyArn) {
    this.kmsKeyArn = kmsKeyArn;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }

  public PropagateTagsSpec getPropagateTags() {
    return propagateTags;
  }

  public void setPropagateTags(PropagateTagsSpec propagateTags) {
    this.propagateTags = propagateTags;
  }

  public TelemetrySpec getTelemetry() {
    return telemetry;
  }

  public void setTelemetry(TelemetrySpec telemetry) {
    this.telemetry = telemetry;
  }

  public List<String> getAllowedNamespaces() {
    return allowedNamespaces;
  }

  public void setAllowedNamespaces(List<String> allowedNamespaces) {
    this.allowedNamespaces = allowedNamespaces;
  }

  public TenancySpec getTenancy() {
    return tenancy;
  }

  public void setTenancy(TenancySpec tenancy) {
    this.tenancy = tenancy;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
