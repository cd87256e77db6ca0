package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** Selects EC2 resources whose tags include every given key and value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TagSelector {

  @JsonPropertyDescription("EC2 tags every selected resource must carry.")
  @Required
  @Size(min = 1, max = 10)
  private Map<String, String> tags;

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }
}
