package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Logging of a function; Lambda Managed Instances log JSON only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoggingSpec {

  @JsonPropertyDescription("JSON (the only format Lambda Managed Instances accept).")
  @Default(Defaults.LOG_FORMAT)
  private LogFormat format;

  @JsonPropertyDescription("TRACE, DEBUG, INFO, WARN, ERROR or FATAL.")
  private ApplicationLogLevel applicationLogLevel;

  @JsonPropertyDescription("DEBUG, INFO or WARN.")
  private SystemLogLevel systemLogLevel;

  @JsonPropertyDescription("CloudWatch log group; defaults to /aws/lambda/<function name>.")
  @Size(min = 1, max = 512)
  @Pattern("^[.\\-_/#A-Za-z0-9]+$")
  private String logGroup;

  public LogFormat getFormat() {
    return format;
  }

  public void setFormat(LogFormat format) {
    this.format = format;
  }

  public ApplicationLogLevel getApplicationLogLevel() {
    return applicationLogLevel;
  }

  public void setApplicationLogLevel(ApplicationLogLevel applicationLogLevel) {
    this.applicationLogLevel = applicationLogLevel;
  }

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
