package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A field a plan step changes: its value in AWS and its new value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"field", "from", "to"})
public class FieldChange {
  @JsonPropertyDescription(
      "The field, as the spec names it, e.g. memoryMiB, environment.TABLE_NAME.")
  private String field;

  @JsonPropertyDescription(
      "Its value in AWS; absent when unset. Environment values are never shown: \"(hidden)\".")
  private String from;

  @JsonPropertyDescription(
      "Its new value; absent when removed. \"(hidden)\" for environment values.")
  private String to;

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
