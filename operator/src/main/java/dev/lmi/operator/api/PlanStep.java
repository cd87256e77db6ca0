package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One step of an ObjectPlan: a write to AWS, or a wait for AWS. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "description", "awsCalls", "changes"})
public class PlanStep {
  @JsonPropertyDescription(
      "Create, RecordUid, Adopt, UpdateSettings, UpdateCode, Publish, CreateAlias, PointAlias,"
          + " PutScaling, PruneVersions, Deactivate, CreateEndpoints, Update, Delete, DeleteEndpoints,"
          + " Release or Wait.")
  private String type;

  @JsonPropertyDescription("The step in words, e.g. \"publish version 4\".")
  private String description;

  @JsonPropertyDescription("The AWS write operations it calls, one entry per call.")
  private List<String> awsCalls;

  @JsonPropertyDescription("The fields it changes, with the value in AWS and the new one.")
  private List<FieldChange> changes;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getAwsCalls() {
    return awsCalls;
  }

  public void setAwsCalls(List<String> awsCalls) {
    this.awsCalls = awsCalls;
  }

  public List<FieldChange> getChanges() {
    return changes;
  }

  public void setChanges(List<FieldChange> changes) {
    this.changes = changes;
  }
}
