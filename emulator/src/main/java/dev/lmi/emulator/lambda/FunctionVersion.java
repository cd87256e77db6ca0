package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.code.CodeRef;
import dev.lmi.emulator.code.EnvironmentPool;

/**
 * One version of a function ($LATEST, a number or $LATEST.PUBLISHED); guarded by the state lock.
 */
final class FunctionVersion {
  final String version;

  /** A numbered version (not $LATEST or $LATEST.PUBLISHED). */
  final boolean numbered;

  final ObjectNode config;
  CodeRef code;
  Transition transition;
  ScalingState scaling;
  EnvironmentPool pool;
  EnvironmentPool starting;

  /** vCPUs this version holds on its capacity provider (environments × vCPUs per environment). */
  int reservedVcpus;

  /** Fingerprint of $LATEST when this version was published ("unchanged since" checks). */
  String sourceFingerprint;

  FunctionVersion(String version, ObjectNode config, CodeRef code) {
    this.version = version;
    this.numbered = !version.isEmpty() && version.chars().allMatch(c -> c >= '0' && c <= '9');
    this.config = config;
    this.code = code;
  }

  String state() {
    return config.path("State").asText();
  }

  String providerArn() {
    return config
        .path("CapacityProviderConfig")
        .path("LambdaManagedInstancesCapacityProviderConfig")
        .path("CapacityProviderArn")
        .asText(null);
  }

  boolean updateInProgress() {
    return "InProgress".equals(config.path("LastUpdateStatus").asText());
  }

  void setState(String state, String reasonCode, String reason) {
    config.put("State", state);
    putOrRemove("StateReasonCode", reasonCode);
    putOrRemove("StateReason", reason);
  }

  void setLastUpdate(String status, String reasonCode, String reason) {
    config.put("LastUpdateStatus", status);
    putOrRemove("LastUpdateStatusReasonCode", reasonCode);
    putOrRemove("LastUpdateStatusReason", reason);
  }

  private void putOrRemove(String field, String value) {
    if (value == null) {
      config.remove(field);
    } else {
      config.put(field, value);
    }
  }

  /** Gives up the environments: their pools close and the provider's vCPUs are free again. */
  void release() {
    reservedVcpus = 0;
    closePool();
  }

  void closePool() {
    if (starting != null) {
      starting.close();
      starting = null;
    }
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
