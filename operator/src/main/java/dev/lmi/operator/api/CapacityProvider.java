package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A pool of EC2 capacity that Lambda manages, shared by the functions of the namespaces it allows.
 */
// Read tolerantly: no object, however written, may fail the informer (see TolerantDeserializer).
@JsonClassDescription(
    "A Lambda Managed Instances capacity provider: the EC2 instances, in your VPC, that run the"
        + " LmiFunctions naming it; cluster-scoped, shared by the namespaces it allows.")
@JsonDeserialize(using = CapacityProviderReader.class)
@Group(Api.GROUP)
@Version(Api.VERSION)
// Declared, not derived: fabric8 otherwise pluralises the kind with regexes on every new object.
@Plural("capacityproviders")
@ShortNames({"lmicp", "lcp"})
@AdditionalPrinterColumn(
    name = "Ready",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(
    name = "State",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.state")
@AdditionalPrinterColumn(
    name = "Arch",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".spec.instanceRequirements.architecture")
@AdditionalPrinterColumn(
    name = "Versions",
    type = AdditionalPrinterColumn.Type.INTEGER,
    jsonPath = ".status.attachedVersions")
@AdditionalPrinterColumn(
    name = "vCPU Min/Max/Ceiling",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.capacity.summary")
@AdditionalPrinterColumn(
    name = "Age",
    type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(
    name = "ARN",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.arn",
    priority = 1)
@AdditionalPrinterColumn(
    name = "Est. USD/Month",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.cost.monthlyUsd",
    priority = 1)
@ValidationRule(
    value =
        "has(self.spec.awsName) || (size(self.metadata.name) <= 64 &&"
            + " self.metadata.name.matches('^[a-zA-Z0-9_-]+$'))",
    message =
        "metadata.name is not a valid AWS capacity provider name (letters, digits, '-' and '_',"
            + " at most 64 characters): set spec.awsName",
    fieldPath = ".spec.awsName")
public class CapacityProvider
    extends io.fabric8.kubernetes.client.CustomResource<
        CapacityProviderSpec, CapacityProviderStatus>
    implements Tolerant {

  @JsonIgnore private ReadIssues readIssues = ReadIssues.NONE;

  // Overridden only to describe the two top-level fields: kubectl explain shows these lines.
  @Override
  @JsonPropertyDescription(
      "What the capacity provider should be in AWS: its VPC, operator role, instance"
          + " requirements, scaling ceiling (maxVCpuCount), tags, tenancy and deletion policy.")
  public CapacityProviderSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "What the operator last saw and did in AWS: conditions, the provider's ARN, state and VPC"
          + " wiring, the versions attached, and the capacity and estimated cost of the functions on"
          + " it. Written by the operator only.")
  public CapacityProviderStatus getStatus() {
    return super.getStatus();
  }

  @Override
  public ReadIssues readIssues() {
    return readIssues;
  }

  @Override
  public void readIssues(ReadIssues issues) {
    this.readIssues = issues == null ? ReadIssues.NONE : issues;
  }

  /** The name of this provider in AWS: spec.awsName, else metadata.name. */
  public String awsName() {
    var spec = getSpec();
    return spec != null && spec.getAwsName() != null ? spec.getAwsName() : getMetadata().getName();
  }
}
