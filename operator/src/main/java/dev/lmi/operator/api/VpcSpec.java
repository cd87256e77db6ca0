package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Network placement of a capacity provider's instances. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.subnetIds) != has(self.subnetSelector)",
    message = "set exactly one of vpc.subnetIds and vpc.subnetSelector")
@ValidationRule(
    value = "!(has(self.securityGroupIds) && has(self.securityGroupSelector))",
    message = "set at most one of vpc.securityGroupIds and vpc.securityGroupSelector")
public class VpcSpec {

  @JsonPropertyDescription(
      "Subnet ids (1-16), all in one VPC; use subnets in 3 AZs for resilience.")
  @Size(min = 1, max = 16)
  @ValidationRule(
      value = "self.all(s, self.exists_one(t, t == s))",
      message = "subnet ids must be unique")
  private List<@Pattern("^subnet-[0-9a-z]+$") @Size(max = 1024) String> subnetIds;

  @JsonPropertyDescription("Select the subnets by EC2 tags instead of listing ids.")
  private TagSelector subnetSelector;

  @JsonPropertyDescription("Security group ids (0-5) in the subnets' VPC.")
  @Size(max = 5)
  @ValidationRule(
      value = "self.all(s, self.exists_one(t, t == s))",
      message = "security group ids must be unique")
  private List<@Pattern("^sg-[0-9a-zA-Z]+$") @Size(max = 1024) String> securityGroupIds;

  @JsonPropertyDescription("Select the security groups by EC2 tags instead of listing ids.")
  private TagSelector securityGroupSelector;

  @JsonPropertyDescription(
      "AWS services the functions reach privately (e.g. dynamodb, s3, logs, xray,"
          + " bedrock-runtime): each needs a VPC endpoint or a NAT route.")
  @Size(max = 30)
  @ValidationRule(
      value = "self.all(s, self.exists_one(t, t == s))",
      message = "privateServices entries must be unique")
  private List<@Pattern("^[a-z0-9][a-z0-9.-]*[a-z0-9]$") @Size(max = 64) String> privateServices;

  @JsonPropertyDescription(
      "Let the operator create missing VPC endpoints for privateServices (gateway for dynamodb"
          + " and s3, interface with private DNS for the others) and delete them with the"
          + " provider.")
  @Default(Defaults.CREATE_MISSING_ENDPOINTS)
  private Boolean createMissingEndpoints;

  public List<String> getSubnetIds() {
    return subnetIds;
  }

  public void setSubnetIds(List<String> subnetIds) {
    this.subnetIds = subnetIds;
  }

  public TagSelector getSubnetSelector() {
    return subnetSelector;
  }

  public void setSubnetSelector(TagSelector subnetSelector) {
    this.subnetSelector = subnetSelector;
  }

  public List<String> getSecurityGroupIds() {
    return securityGroupIds;
  }

  public void setSecurityGroupIds(List<String> securityGroupIds) {
    this.securityGroupIds = securityGroupIds;
  }

  public TagSelector getSecurityGroupSelector() {
    return securityGroupSelector;
  }

  public void setSecurityGroupSelector(TagSelector securityGroupSelector) {
    this.securityGroupSelector = securityGroupSelector;
  }

  public List<String> getPrivateServices() {
    return privateServices;
  }

  public void setPrivateServices(List<String> privateServices) {
    this.privateServices = privateServices;
  }

  public Boolean getCreateMissingEndpoints() {
    return createMissingEndpoints;
  }

  public void setCreateMissingEndpoints(Boolean createMissingEndpoints) {
    this.createMissingEndpoints = createMissingEndpoints;
  }
}
