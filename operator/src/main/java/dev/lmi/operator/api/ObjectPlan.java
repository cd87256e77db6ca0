package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the operator would do in AWS for one object: the `plan` command's entry for it, and
 * status.plan of an object annotated lmi.dev/dry-run. Environment values never appear.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "kind",
  "namespace",
  "name",
  "awsName",
  "change",
  "actions",
  "reason",
  "message",
  "warnings",
  "errors"
})
public class ObjectPlan {
  // The values of change.
  public static final String CREATE = "create";

  public static final String UPDATE = "update";
  public static final String NONE = "none";
  public static final String REFUSED = "refused";

  @JsonPropertyDescription("Kind of the object: CapacityProvider or LmiFunction.")
  private String kind;

  @JsonPropertyDescription("Namespace of the object (none for a CapacityProvider).")
  private String namespace;

  @JsonPropertyDescription("Name of the object.")
  private String name;

  @JsonPropertyDescription("Name of the resource in AWS.")
  private String awsName;

  @JsonPropertyDescription(
      "create (the AWS resource is created), update (it is changed), none (nothing to write) or"
          + " refused (the operator would stop: see reason and message).")
  private String change;

  @JsonPropertyDescription(
      "The steps, in order: writes to AWS and waits for AWS. Only those before the first wait are"
          + " certain; the rest follow from what AWS reports then.")
  private List<PlanStep> actions;

  @JsonPropertyDescription("The Ready reason once the steps are done, or the refusal's.")
  private String reason;

  @JsonPropertyDescription("What that reason means here.")
  private String message;

  @JsonPropertyDescription("Things the plan could not check, or that may surprise.")
  private List<String> warnings;

  @JsonPropertyDescription("What would fail in AWS although the operator would try it.")
  private List<String> errors;

  @JsonPropertyDescription(
      "LmiFunction, plan command only: how the estimated monthly cost of the warm baseline changes,"
          + " from what AWS runs now to what the spec asks for (an estimate, with its price table).")
  private String cost;

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAwsName() {
    return awsName;
  }

  public void setAwsName(String awsName) {
    this.awsName = awsName;
  }

  public String getChange() {
    return change;
  }

  public void setChange(String change) {
    this.change = change;
  }

  public List<PlanStep> getActions() {
    return actions;
  }

  public void setActions(List<PlanStep> actions) {
    this.actions = actions;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public List<String> getWarnings() {
    return warnings;
  }

  public void setWarnings(List<String> warnings) {
    this.warnings = warnings;
  }

  public List<String> getErrors() {
    return errors;
  }

  public void setErrors(List<String> errors) {
    this.errors = errors;
  }

  public String getCost() {
    return cost;
  }

  public void setCost(String cost) {
    this.cost = cost;
  }
}
