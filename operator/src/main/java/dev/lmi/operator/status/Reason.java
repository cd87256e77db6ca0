package dev.lmi.operator.status;

/**
 * The reasons the Ready condition can carry. Each is READY, WAITING (progressing; the operator will
 * get there by itself), TERMINAL (only a change of the spec, of AWS or of IAM fixes it) or
 * SUSPENDED (the user asked the operator to hold back). Argo CD maps WAITING to Progressing,
 * TERMINAL to Degraded and SUSPENDED to Suspended.
 */
public enum Reason {
  Ready(Kind.READY),
  Creating(Kind.WAITING),
  Provisioning(Kind.WAITING),
  Updating(Kind.WAITING),
  Publishing(Kind.WAITING),
  ScalingInProgress(Kind.WAITING),
  WaitingForProvider(Kind.WAITING),
  ProviderNotFound(Kind.WAITING),
  Retrying(Kind.WAITING),
  Deleting(Kind.WAITING),
  DeletionBlocked(Kind.WAITING),
  InvalidSpec(Kind.TERMINAL),
  NamespaceNotAllowed(Kind.TERMINAL),
  TenancyViolation(Kind.TERMINAL),
  ArchitectureMismatch(Kind.TERMINAL),
  NotOwned(Kind.TERMINAL),
  AdoptionConflict(Kind.TERMINAL),
  CreateOnlyFieldChanged(Kind.TERMINAL),
  InvalidNetwork(Kind.TERMINAL),
  MissingVpcEndpoints(Kind.TERMINAL),
  ProviderFailed(Kind.TERMINAL),
  VersionFailed(Kind.TERMINAL),
  UpdateFailed(Kind.TERMINAL),
  NotLmiFunction(Kind.TERMINAL),
  QuotaExceeded(Kind.TERMINAL),
  AwsRejected(Kind.TERMINAL),
  DryRun(Kind.SUSPENDED);

  /** The three kinds of reason. */
  public enum Kind {
    READY,
    WAITING,
    TERMINAL,
    SUSPENDED
  }

  private final Kind kind;

  Reason(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public boolean terminal() {
    return kind == Kind.TERMINAL;
  }
}
