package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.rollout.Readings;
import java.util.List;

/**
 * What was read from AWS about one function in this reconcile. Each fact is read only when the plan
 * asks for it, so an unread fact is no sign of absence.
 *
 * @param version the version the status records as published
 * @param scaling the scaling config of that version
 * @param versions every numbered version, oldest first
 * @param ownerVerified this process read the function's owner tag naming this object earlier
 * @param createRefused a create sent without a read was refused: the name is taken
 * @param readings what CloudWatch said for the rollout's analysis in this reconcile
 * @param stable the configuration of the version the alias serves, read before a rollout starts
 */
public record FunctionObservation(
    Seen<FunctionView> function,
    Seen<VersionView> version,
    Seen<AliasView> alias,
    Seen<ScalingView> scaling,
    Seen<List<VersionView>> versions,
    boolean ownerVerified,
    boolean createRefused,
    Seen<Readings> readings,
    Seen<VersionView> stable) {

  /** Nothing read yet. */
  public static FunctionObservation none(boolean ownerVerified) {
    return new FunctionObservation(
        Seen.unknown(),
        Seen.unknown(),
        Seen.unknown(),
        Seen.unknown(),
        Seen.unknown(),
        ownerVerified,
        false,
        Seen.unknown(),
        Seen.unknown());
  }

  public FunctionObservation withFunction(Seen<FunctionView> f) {
    return new FunctionObservation(
        f, version, alias, scaling, versions, ownerVerified, createRefused, readings, stable);
  }

  public FunctionObservation withVersion(Seen<VersionView> v) {
    return new FunctionObservation(
        function, v, alias, scaling, versions, ownerVerified, createRefused, readings, stable);
  }

  public FunctionObservation withAlias(Seen<AliasView> a) {
    return new FunctionObservation(
        function, version, a, scaling, versions, ownerVerified, createRefused, readings, stable);
  }

  public FunctionObservation withScaling(Seen<ScalingView> s) {
    return new FunctionObservation(
        function, version, alias, s, versions, ownerVerified, createRefused, readings, stable);
  }

  public FunctionObservation withVersions(Seen<List<VersionView>> v) {
    return new FunctionObservation(
        function, version, alias, scaling, v, ownerVerified, createRefused, readings, stable);
  }

  /** AWS refused a create sent without a read: the function's name is taken; read it. */
  public FunctionObservation refusedCreate() {
    return new FunctionObservation(
        function, version, alias, scaling, versions, ownerVerified, true, readings, stable);
  }

  /** After a publish: the version, its scaling and the listing describe the one before. */
  public FunctionObservation afterPublish() {
    return new FunctionObservation(
        function,
        Seen.unknown(),
        alias,
        Seen.unknown(),
        Seen.unknown(),
        ownerVerified,
        createRefused,
        Seen.unknown(),
        stable);
  }

  public FunctionObservation withReadings(Readings r) {
    return new FunctionObservation(
        function,
        version,
        alias,
        scaling,
        versions,
        ownerVerified,
        createRefused,
        Seen.of(r),
        stable);
  }

  public FunctionObservation withStable(Seen<VersionView> v) {
    return new FunctionObservation(
        function, version, alias, scaling, versions, ownerVerified, createRefused, readings, v);
  }
}
