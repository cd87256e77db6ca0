package dev.lmi.operator.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lmi.operator.api.ObjectPlan;
import java.util.List;

/**
 * What the plan command found: one entry per object (the shape of status.plan), the input problems
 * that stopped objects from being planned, and a summary. Its JSON is the command's stable output
 * ({@code formatVersion} changes only with an incompatible change; see docs/plan.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"formatVersion", "region", "clusterName", "summary", "objects", "problems"})
public record PlanReport(
    int formatVersion,
    String region,
    String clusterName,
    Summary summary,
    List<ObjectPlan> objects,
    List<String> problems) {
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Counts of entries by change, and of the AWS write calls the plan lists. */
  @JsonPropertyOrder({"create", "update", "none", "refused", "errors", "awsWrites"})
  public record Summary(int create, int update, int none, int refused, int errors, int awsWrites) {}

  static PlanReport of(
      String region, String clusterName, List<ObjectPlan> objects, List<String> problems) {
    var writes =
        objects.stream()
            .flatMap(o -> o.getActions().stream())
            .mapToInt(a -> a.getAwsCalls() == null ? 0 : a.getAwsCalls().size())
            .sum();
    var summary =
        new Summary(
            count(objects, ObjectPlan.CREATE),
            count(objects, ObjectPlan.UPDATE),
            count(objects, ObjectPlan.NONE),
            count(objects, ObjectPlan.REFUSED),
            (int) objects.stream().filter(o -> o.getErrors() != null).count() + problems.size(),
            writes);
    return new PlanReport(FORMAT_VERSION, region, clusterName, summary, objects, problems);
  }

  private static int count(List<ObjectPlan> objects, String change) {
    return (int) objects.stream().filter(o -> change.equals(o.getChange())).count();
  }

  /** Something would be created or changed in AWS. */
  public boolean changes() {
    return summary.create() + summary.update() > 0;
  }

  /** Something would fail: a refusal, an error, or input that could not be planned. */
  public boolean failed() {
    return summary.refused() + summary.errors() > 0;
  }

  public String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
