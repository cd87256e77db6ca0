package dev.lmi.emulator.code;

/** Init of an execution environment failed with a Lambda StateReasonCode. */
public final class InitFailure extends Exception {
  private final String reasonCode;

  public InitFailure(String reasonCode, String message, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
  }

  public String reasonCode() {
    return reasonCode;
  }
}
