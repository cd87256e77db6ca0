package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** Tags a capacity provider passes on to the EC2 resources it creates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.mode == 'Explicit' || !has(self.explicitTags)",
    message = "propagateTags.explicitTags needs mode Explicit",
    fieldPath = ".explicitTags")
public class PropagateTagsSpec {

  @JsonPropertyDescription("None or Explicit.")
  @Required
  private PropagateTagsMode mode;

  @JsonPropertyDescription("Tags to propagate in Explicit mode (at most 40).")
  @Size(max = 40)
  @ValidationRule(value = AwsRules.TAG_KEY_RULE, message = AwsRules.TAG_KEY_MESSAGE)
  @ValidationRule(value = AwsRules.TAG_AWS_RULE, message = AwsRules.TAG_AWS_MESSAGE)
  private Map<String, @Size(max = 256) @Pattern(AwsRules.TAG_PATTERN) String> explicitTags;

  public PropagateTagsMode getMode() {
    return mode;
  }

  public void setMode(PropagateTagsMode mode) {
    this.mode = mode;
  }

  public Map<String, String> getExplicitTags() {
    return explicitTags;
  }

  public void setExplicitTags(Map<String, String> explicitTags) {
    this.explicitTags = explicitTags;
  }
}
