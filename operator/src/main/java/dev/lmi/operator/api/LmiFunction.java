package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Lambda function that runs on a CapacityProvider and is served through a published alias. */
// Read tolerantly: no object, however written, may fail the informer (see TolerantDeserializer).
@JsonDeserialize(using = LmiFunctionReader.class)
@JsonClassDescription(
    "A Lambda function on Lambda Managed Instances: its configuration and code, the versions the"
        + " operator publishes, the alias that serves them and their scaling, on the"
        + " CapacityProvider named in spec.capacityProviderRef.")
@Group(Api.GROUP)
@Version(Api.VERSION)
// Declared, not derived: fabric8 otherwise pluralises the kind with regexes on every new object.
@Plural("lmifunctions")
@ShortNames({"lmifn", "lfn"})
@AdditionalPrinterColumn(
    name = "Ready",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(
    name = "Version",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.aliasVersion")
@AdditionalPrinterColumn(
    name = "Provider",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".spec.capacityProviderRef.name")
@AdditionalPrinterColumn(
    name = "Age",
    type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(
    name = "Latest",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.publishedVersion",
    priority = 1)
@AdditionalPrinterColumn(
    name = "AWS Name",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.awsName",
    priority = 1)
@AdditionalPrinterColumn(
    name = "Window",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.effectiveScaling.window",
    priority = 1)
@AdditionalPrinterColumn(
    name = "vCPU Min",
    type = AdditionalPrinterColumn.Type.INTEGER,
    jsonPath = ".status.capacity.vCpuAtMin",
    priority = 1)
@AdditionalPrinterColumn(
    name = "Est. USD/Month",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.cost.monthlyUsd",
    priority = 1)
public class LmiFunction
    extends io.fabric8.kubernetes.client.CustomResource<LmiFunctionSpec, LmiFunctionStatus>
    implements Namespaced, Tolerant {
  @JsonIgnore private ReadIssues readIssues = ReadIssues.NONE;

  // Overridden only to describe the two top-level fields: kubectl explain shows these lines.
  @Override
  @JsonPropertyDescription(
      "What the function should be in AWS: its code, role, memory, capacity provider, alias,"
          + " scaling, rollout and retention. The operator makes AWS match it.")
  public LmiFunctionSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "What the operator last saw and did in AWS: conditions, the published and aliased"
          + " versions, scaling, capacity, estimated cost and any rollout. Written by the operator"
          + " only.")
  public LmiFunctionStatus getStatus() {
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
}
