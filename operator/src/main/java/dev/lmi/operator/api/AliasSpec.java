package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The alias that callers invoke; the operator moves it to each new Active version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AliasSpec {

  @JsonPropertyDescription("Alias name (default live); not a number.")
  @Default(Defaults.ALIAS_NAME)
  @Size(min = 1, max = 128)
  @ValidationRule(
      value = "self.matches('^[a-zA-Z0-9_-]+$') && !self.matches('^[0-9]+$')",
      message = "alias.name contains letters, digits, '-' and '_' and is not a number")
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
