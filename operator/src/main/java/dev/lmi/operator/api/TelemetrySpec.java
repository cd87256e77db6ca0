package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Where and how verbosely a capacity provider writes its platform logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TelemetrySpec {

  @JsonPropertyDescription("DEBUG, INFO or WARN.")
  private SystemLogLevel systemLogLevel;

  @JsonPropertyDescription(
      "CloudWatch log group; AWS defaults to /aws/lambda/capacity-provider/<name>.")
  @Pattern("^[.\\-_/#A-Za-z0-9]+$")
  @Size(min = 1, max = 512)
  private String logGroup;

  public SystemLogLevel getSystemLogLevel() {
    return systemLogLevel;
  }

  public void setSystemLogLevel(SystemLogLevel systemLogLevel) {
    this.systemLogLevel = systemLogLevel;
  }

  public String getLogGroup() {
    return logGroup;
  }

  public void setLogGroup(String logGroup) {
    this.logGroup = logGroup;
  }
}
