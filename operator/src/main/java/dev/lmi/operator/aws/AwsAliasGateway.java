package dev.lmi.operator.aws;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionScalingConfig;

/** Aliases and function scaling configs through the AWS SDK for Java v2. */
public final class AwsAliasGateway implements AliasGateway {
  private final LambdaClient lambda;
  private final AwsCalls calls;

  public AwsAliasGateway(LambdaClient lambda, AwsCalls calls) {
    this.lambda = lambda;
    this.calls = calls;
  }

  @Override
  public Optional<AliasView> get(String function, String alias) {
    return calls
        .find("GetAlias", () -> lambda.getAlias(r -> r.functionName(function).name(alias)))
        .map(
            a ->
                new AliasView(
                    a.name(), a.aliasArn(), a.functionVersion(), weightsOf(a.routingConfig())));
  }

  @Override
  public AliasView create(String function, String alias, String version) {
    var a =
        calls.call(
            "CreateAlias",
            () ->
                lambda.createAlias(
                    r -> r.functionName(function).name(alias).functionVersion(version)));
    return new AliasView(a.name(), a.aliasArn(), a.functionVersion(), Map.of());
  }

  @Override
  public AliasView update(String function, String alias, String version) {
    var a =
        calls.call(
            "UpdateAlias",
            () ->
                lambda.updateAlias(
                    r ->
                        r.functionName(function)
                            .name(alias)
                            .functionVersion(version)
                            .routingConfig(
                                AliasRoutingConfiguration.builder()
                                    .additionalVersionWeights(Map.of())
                                    .build())));
    return new AliasView(a.name(), a.aliasArn(), a.functionVersion(), Map.of());
  }

  @Override
  public AliasView route(
      String function,
      String alias,
      String stableVersion,
      String candidateVersion,
      int weightPercent) {
    var weights = Map.of(candidateVersion, Weights.fraction(weightPercent));
    var a =
        calls.call(
            "UpdateAlias",
            () ->
                lambda.updateAlias(
                    r ->
                        r.functionName(function)
                            .name(alias)
                            .functionVersion(stableVersion)
                            .routingConfig(
                                AliasRoutingConfiguration.builder()
                                    .additionalVersionWeights(weights)
                                    .build())));
    return new AliasView(a.name(), a.aliasArn(), a.functionVersion(), weightsOf(a.routingConfig()));
  }

  private static Map<String, Double> weightsOf(AliasRoutingConfiguration routing) {
    return routing == null || !routing.hasAdditionalVersionWeights()
        ? Map.of()
        : routing.additionalVersionWeights();
  }

  @Override
  public void delete(String function, String alias) {
    calls.find("DeleteAlias", () -> lambda.deleteAlias(r -> r.functionName(function).name(alias)));
  }

  @Override
  public Optional<ScalingView> scaling(String function, String version) {
    return calls
        .find(
            "GetFunctionScalingConfig",
            () -> lambda.getFunctionScalingConfig(r -> r.functionName(function).qualifier(version)))
        .map(
            r -> {
              var applied = r.appliedFunctionScalingConfig();
              var requested = r.requestedFunctionScalingConfig();
              return new ScalingView(
                  applied == null ? null : applied.minExecutionEnvironments(),
                  applied == null ? null : applied.maxExecutionEnvironments(),
                  requested == null ? null : requested.minExecutionEnvironments(),
                  requested == null ? null : requested.maxExecutionEnvironments());
            });
  }

  @Override
  public void putScaling(String function, String version, Integer min, Integer max) {
    calls.call(
        "PutFunctionScalingConfig",
        () ->
            lambda.putFunctionScalingConfig(
                r ->
                    r.functionName(function)
                        .qualifier(version)
                        .functionScalingConfig(
                            FunctionScalingConfig.builder()
                                .minExecutionEnvironments(min)
                                .maxExecutionEnvironments(max)
                                .build())));
  }
}
