package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.FunctionView;

/**
 * What a function's status records about the function and its $LATEST.
 *
 * @param nameTaken a function of awsName exists that this object may not write: it is read, never
 *     created again
 * @param configHash hash of the configuration last sent to $LATEST
 * @param latestHash hash of the configuration $LATEST was last read to match
 */
public record LatestRecord(
    String awsName,
    String functionArn,
    boolean nameTaken,
    String state,
    String lastUpdateStatus,
    String codeSha256,
    String codeIdentity,
    String configHash,
    String latestHash,
    String capacityProviderArn) {

  static LatestRecord empty() {
    return new LatestRecord(null, null, false, null, null, null, null, null, null, null);
  }

  /** The name the spec gives; a name found taken concerns only the name it was found under. */
  LatestRecord named(FunctionDesired d) {
    var taken = nameTaken && d.name().equals(awsName);
    return new LatestRecord(
        d.name(),
        functionArn,
        taken,
        state,
        lastUpdateStatus,
        codeSha256,
        codeIdentity,
        configHash,
        latestHash,
        d.settings().capacityProviderArn());
  }

  /** The name is held by a function this object may not write: no ARN of it on record. */
  LatestRecord refused() {
    return new LatestRecord(
        awsName,
        null,
        true,
        state,
        lastUpdateStatus,
        codeSha256,
        codeIdentity,
        configHash,
        latestHash,
        capacityProviderArn);
  }

  /** $LATEST as GetFunction (or CreateFunction) just reported it. */
  LatestRecord seen(FunctionView v) {
    return new LatestRecord(
        awsName,
        v.arn(),
        false,
        v.state(),
        v.lastUpdateStatus(),
        v.codeSha256() != null ? v.codeSha256() : codeSha256,
        codeIdentity,
        configHash,
        latestHash,
        capacityProviderArn);
  }

  /** The spec's configuration (and, with {@code code}, its code) was sent to $LATEST. */
  LatestRecord sent(FunctionDesired d, boolean code) {
    return new LatestRecord(
        awsName,
        functionArn,
        nameTaken,
        state,
        lastUpdateStatus,
        codeSha256,
        code ? d.codeIdentity() : codeIdentity,
        d.configHash(),
        latestHash,
        capacityProviderArn);
  }

  /** $LATEST was read and matches the spec. */
  LatestRecord matched(FunctionDesired d) {
    return new LatestRecord(
        awsName,
        functionArn,
        nameTaken,
        state,
        lastUpdateStatus,
        codeSha256,
        d.codeIdentity(),
        d.configHash(),
        d.configHash(),
        capacityProviderArn);
  }
}
