package dev.lmi.operator.aws;

import java.util.Optional;

/** A function's alias and the scaling config of the versions it serves. */
public interface AliasGateway {
  Optional<AliasView> get(String function, String alias);

  AliasView create(String function, String alias, String version);

  /** Points the alias at one version and drops any weighted routing. */
  AliasView update(String function, String alias, String version);

  /**
   * Splits the alias: {@code stableVersion} keeps the traffic that {@code candidateVersion} does
   * not take ({@code weightPercent}, 1-99). AWS allows two versions at most, both published (no
   * $LATEST), with the same execution role and dead-letter config.
   */
  AliasView route(
      String function,
      String alias,
      String stableVersion,
      String candidateVersion,
      int weightPercent);

  void delete(String function, String alias);

  Optional<ScalingView> scaling(String function, String version);

  void putScaling(String function, String version, Integer min, Integer max);
}
