package dev.lmi.operator.api;

/** Constants shared by the custom resources: API group, version, annotations and tag keys. */
public final class Api {
  public static final String GROUP = "lmi.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** Annotation that lets the operator adopt an AWS resource it did not create. */
  public static final String ADOPT_ANNOTATION = "lmi.dev/adopt";

  /** Annotation that makes the operator plan without applying: the plan goes to status.plan. */
  public static final String DRY_RUN_ANNOTATION = "lmi.dev/dry-run";

  /** AWS tag that records which Kubernetes object owns an AWS resource. */
  public static final String OWNER_TAG = "lmi.dev/owner";

  /** AWS tag on a function that records a hash of the code identity last applied to it. */
  public static final String CODE_TAG = "lmi.dev/code";

  /** AWS tag that records which operator instance manages an AWS resource. */
  public static final String MANAGED_BY_TAG = "lmi.dev/managed-by";

  /**
   * Annotation that steers a rollout in progress: {@link #ROLLOUT_PROMOTE} finishes it now, {@link
   * #ROLLOUT_ABORT} rolls it back now. The operator removes it once acted on.
   */
  public static final String ROLLOUT_ANNOTATION = "lmi.dev/rollout";

  public static final String ROLLOUT_PROMOTE = "promote";
  public static final String ROLLOUT_ABORT = "abort";

  public static final String FINALIZER = "lmi.dev/finalizer";

  private Api() {}
}
