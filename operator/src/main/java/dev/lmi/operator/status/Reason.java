package dev.lmi.operator.status;

/**
 * The reasons the Ready condition can carry. Each is READY, WAITING (progressing; the operator will
 * get there by itself), TERMINAL (only a change of the spec, of AWS or of IAM fixes it) or
 * SUSPENDED (the user asked the operator to hold back: a dry run, or scaled to zero). Argo CD maps
 * WAITING to Progressing, TERMINAL to Degraded and SUSPENDED to Suspended. Whether Ready is True is
 * a property of the reason: READY reasons and Suspended (held where the spec asks) are; DryRun is
 * not (nothing was applied).
 */
public enum Reason {
  Ready(Kind.READY),
  Suspended(Kind.SUSPENDED, true),
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
  CapacityExceeded(Kind.WAITING),
  RollingOut(Kind.WAITING),
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
  RolledBack(Kind.TERMINAL),
  DryRun(Kind.SUSPENDED);

  /** The four kinds of reason. */
  public enum Kind {
    READY,
    WAITING,
    TERMINAL,
    SUSPENDED
  }

  private final Kind kind;
  private final boolean ready;

  Reason(Kind kind) {
    this(kind, kind == Kind.READY);
  }

  Reason(Kind kind, boolean ready) {
    this.kind = kind;
    this.ready = ready;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the Ready condition is True with this reason. */
  public boolean ready() {
    return ready;
  }

  public boolean terminal() {
    return kind == Kind.TERMINAL;
  }
}
