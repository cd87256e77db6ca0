package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** Selects EC2 resources whose tags include every given key and value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TagSelector {

  @JsonPropertyDescription("EC2 tags every selected resource must carry.")
  @Required
  @Size(min = 1, max = 10)
  @ValidationRule(
      value = "self.all(k, size(k) >= 1 && size(k) <= 128)",
      message = "EC2 tag keys are 1-128 characters")
  private Map<String, @Size(max = 256) String> tags;

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }
}
