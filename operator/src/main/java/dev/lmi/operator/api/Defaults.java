package dev.lmi.operator.api;

/**
 * Default values of optional spec fields, written once: the CRD's {@code default}s come from these
 * constants and the operator applies the same ones when a server did not (e.g. a mock API server).
 */
public final class Defaults {
  public static final String ARCHITECTURE = "x86_64";
  public static final String SCALING_MODE = "Auto";
  public static final String DELETION_POLICY = "Delete";
  public static final String CREATE_MISSING_ENDPOINTS = "false";
  public static final String MEMORY_MIB = "2048";
  public static final String MEMORY_GIB_PER_VCPU = "2";
  public static final String ALIAS_NAME = "live";
  public static final String KEEP_VERSIONS = "3";
  public static final String LOG_FORMAT = "JSON";
  public static final String TRACING = "PassThrough";
  public static final String EPHEMERAL_STORAGE_MIB = "512";
  public static final String TIMEOUT_SECONDS = "30";
  public static final String MIN_EXECUTION_ENVIRONMENTS = "3";
  public static final String SCHEDULE_TIME_ZONE = "UTC";
  public static final String SUSPEND = "false";

  private Defaults() {}
}
