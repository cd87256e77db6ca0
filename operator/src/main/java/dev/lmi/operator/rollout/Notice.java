package dev.lmi.operator.rollout;

/** A Kubernetes Event a decision asks for: Normal or Warning, a reason and a message. */
public record Notice(boolean warning, String reason, String message) {
  public static Notice normal(String reason, String message) {
    return new Notice(false, reason, message);
  }

  public static Notice warning(String reason, String message) {
    return new Notice(true, reason, message);
  }
}
