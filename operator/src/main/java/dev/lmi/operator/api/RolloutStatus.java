package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A rollout as the operator last left it. Its whole state lives here and in the alias (AWS), never
 * only in memory, so a restart or a new leader resumes the same step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {

  @JsonPropertyDescription("Progressing, Succeeded, RolledBack or Aborted.")
  private RolloutPhase phase;

  @JsonPropertyDescription(
      "Version that served all traffic when the rollout began; rollbacks return to it.")
  private String stableVersion;

  @JsonPropertyDescription("Version being rolled out.")
  private String canaryVersion;

  @JsonPropertyDescription("Current step, from 1; 0 before the first weight is set.")
  private Integer step;

  @JsonPropertyDescription("Steps of the rollout before all traffic moves.")
  private Integer steps;

  @JsonPropertyDescription(
      "Percent of traffic the canary version takes now (100 once promoted, 0 after a rollback).")
  private Integer weight;

  @JsonPropertyDescription(
      "When the current step began (RFC 3339); its pause and analysis window count from here.")
  private String stepStartedAt;

  @JsonPropertyDescription("When the rollout began (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the rollout succeeded, rolled back or was aborted (RFC 3339).")
  private String finishedAt;

  @JsonPropertyDescription(
      "Hash of the code and configuration being rolled out; a new one starts a new rollout.")
  private String candidateHash;

  @JsonPropertyDescription(
      "Hash of spec.rollout the rollout follows; a change restarts it from the stable version.")
  private String planHash;

  @JsonPropertyDescription(
      "Invocations of the canary version in the current step's window, as last read.")
  private Long invocations;

  @JsonPropertyDescription(
      "Errors of the canary version in the current step's window, as last read.")
  private Long errors;

  @JsonPropertyDescription("What the rollout is waiting for, or why it ended, with the figures.")
  private String message;

  public RolloutPhase getPhase() {
    return phase;
  }

  public void setPhase(RolloutPhase phase) {
    this.phase = phase;
  }

  public String getStableVersion() {
    return stableVersion;
  }

  public void setStableVersion(String stableVersion) {
    this.stableVersion = stableVersion;
  }

  public String getCanaryVersion() {
    return canaryVersion;
  }

  public void setCanaryVersion(String canaryVersion) {
    this.canaryVersion = canaryVersion;
  }

  public Integer getStep() {
    return step;
  }

  public void setStep(Integer step) {
    this.step = step;
  }

  public Integer getSteps() {
    return steps;
  }

  public void setSteps(Integer steps) {
    this.steps = steps;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  public String getStepStartedAt() {
    return stepStartedAt;
  }

  public void setStepStartedAt(String stepStartedAt) {
    this.stepStartedAt = stepStartedAt;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public String getCandidateHash() {
    return candidateHash;
  }

  public void setCandidateHash(String candidateHash) {
    this.candidateHash = candidateHash;
  }

  public String getPlanHash() {
    return planHash;
  }

  public void setPlanHash(String planHash) {
    this.planHash = planHash;
  }

  public Long getInvocations() {
    return invocations;
  }

  public void setInvocations(Long invocations) {
    this.invocations = invocations;
  }

  public Long getErrors() {
    return errors;
  }

  public void setErrors(Long errors) {
    this.errors = errors;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
