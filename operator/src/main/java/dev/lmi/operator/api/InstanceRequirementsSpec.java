package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Which EC2 instances a capacity provider may launch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.allowedInstanceTypes) && has(self.excludedInstanceTypes))",
    message = "set allowedInstanceTypes or excludedInstanceTypes, not both")
public class InstanceRequirementsSpec {

  @JsonPropertyDescription("x86_64 or arm64; every function on the provider must match it.")
  @Default(Defaults.ARCHITECTURE)
  private Architecture architecture;

  @JsonPropertyDescription("Only these instance types (e.g. m7g.large, c7g.*).")
  @Size(min = 1, max = 400)
  private List<@Pattern("^[a-zA-Z0-9.*-]+$") @Size(min = 1, max = 30) String> allowedInstanceTypes;

  @JsonPropertyDescription("Any supported instance type except these.")
  @Size(min = 1, max = 400)
  private List<@Pattern("^[a-zA-Z0-9.*-]+$") @Size(min = 1, max = 30) String> excludedInstanceTypes;

  public Architecture getArchitecture() {
    return architecture;
  }

  public void setArchitecture(Architecture architecture) {
    this.architecture = architecture;
  }

  public List<String> getAllowedInstanceTypes() {
    return allowedInstanceTypes;
  }

  public void setAllowedInstanceTypes(List<String> allowedInstanceTypes) {
    this.allowedInstanceTypes = allowedInstanceTypes;
  }

  public List<String> getExcludedInstanceTypes() {
    return excludedInstanceTypes;
  }

  public void setExcludedInstanceTypes(List<String> excludedInstanceTypes) {
    this.excludedInstanceTypes = excludedInstanceTypes;
  }
}
