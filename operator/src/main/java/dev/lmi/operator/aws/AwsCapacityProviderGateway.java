package dev.lmi.operator.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CapacityProvider;
import software.amazon.awssdk.services.lambda.model.CapacityProviderPermissionsConfig;
import software.amazon.awssdk.services.lambda.model.CapacityProviderPredefinedMetricType;
import software.amazon.awssdk.services.lambda.model.CapacityProviderScalingConfig;
import software.amazon.awssdk.services.lambda.model.CapacityProviderVpcConfig;
import software.amazon.awssdk.services.lambda.model.InstanceRequirements;
import software.amazon.awssdk.services.lambda.model.TargetTrackingScalingPolicy;

/** Capacity providers through the AWS SDK for Java v2. */
public final class AwsCapacityProviderGateway implements CapacityProviderGateway {
  private final LambdaClient lambda;
  private final AwsCalls calls;

  public AwsCapacityProviderGateway(LambdaClient lambda, AwsCalls calls) {
    this.lambda = lambda;
    this.calls = calls;
  }

  @Override
  public Optional<ProviderView> get(String name) {
    var exchange = NewerMembers.Exchange.readOnly();
    return calls
        .find(
            "GetCapacityProvider",
            () ->
                lambda
                    .getCapacityProvider(
                        r -> r.capacityProviderName(name).overrideConfiguration(attach(exchange)))
                    .capacityProvider())
        .map(cp -> view(cp, exchange));
  }

  @Override
  public ProviderView create(
      String name, ProviderFixed fixed, ProviderTunables tunables, Map<String, String> tags) {
    var exchange = new NewerMembers.Exchange(newerMembers(tunables));
    var created =
        calls.providerWrite(
            "CreateCapacityProvider",
            () ->
                lambda
                    .createCapacityProvider(
                        r ->
                            r.capacityProviderName(name)
                                .vpcConfig(vpc(fixed))
                                .permissionsConfig(permissions(fixed))
                                .instanceRequirements(instances(fixed))
                                .kmsKeyArn(fixed.kmsKeyArn())
                                .capacityProviderScalingConfig(scaling(tunables))
                                .tags(tags)
                                .overrideConfiguration(attach(exchange)))
                    .capacityProvider());
    return view(created, exchange);
  }

  @Override
  public ProviderView update(String name, ProviderTunables tunables) {
    var exchange = new NewerMembers.Exchange(newerMembers(tunables));
    var updated =
        calls.providerWrite(
            "UpdateCapacityProvider",
            () ->
                lambda
                    .updateCapacityProvider(
                        r ->
                            r.capacityProviderName(name)
                                .capacityProviderScalingConfig(scaling(tunables))
                                .overrideConfiguration(attach(exchange)))
                    .capacityProvider());
    return view(updated, exchange);
  }

  @Override
  public DeleteOutcome delete(String name) {
    try {
      var deleted =
          calls.providerWrite(
              "DeleteCapacityProvider",
              () -> lambda.deleteCapacityProvider(r -> r.capacityProviderName(name)));
      return deleted == null ? DeleteOutcome.gone() : DeleteOutcome.deleting();
    } catch (AwsException e) {
      return switch (e.kind()) {
        case CONFLICT -> DeleteOutcome.blocked(e.getMessage());
        case NOT_FOUND -> DeleteOutcome.gone();
        default -> throw e;
      };
    }
  }

  @Override
  public List<String> attachedVersions(String name) {
    var out = new java.util.ArrayList<String>();
    String marker = null;
    do {
      var m = marker;
      var page =
          calls.call(
              "ListFunctionVersionsByCapacityProvider",
              () ->
                  lambda.listFunctionVersionsByCapacityProvider(
                      r -> r.capacityProviderName(name).marker(m).maxItems(50)));
      page.functionVersions().forEach(v -> out.add(v.functionArn()));
      marker = page.nextMarker();
    } while (marker != null);
    return out;
  }

  @Override
  public Map<String, String> tags(String arn) {
    return calls.call("ListTags", () -> lambda.listTags(r -> r.resource(arn)).tags());
  }

  @Override
  public void tag(String arn, Map<String, String> tags) {
    calls.call("TagResource", () -> lambda.tagResource(r -> r.resource(arn).tags(tags)));
  }

  private static CapacityProviderVpcConfig vpc(ProviderFixed f) {
    return CapacityProviderVpcConfig.builder()
        .subnetIds(f.subnetIds())
        .securityGroupIds(f.securityGroupIds() == null ? List.of() : f.securityGroupIds())
        .build();
  }

  private static CapacityProviderPermissionsConfig permissions(ProviderFixed f) {
    return CapacityProviderPermissionsConfig.builder()
        .capacityProviderOperatorRoleArn(f.operatorRoleArn())
        .build();
  }

  private static InstanceRequirements instances(ProviderFixed f) {
    var b = InstanceRequirements.builder().architecturesWithStrings(f.architecture());
    if (f.allowedInstanceTypes() != null) {
      b.allowedInstanceTypes(f.allowedInstanceTypes());
    }
    if (f.excludedInstanceTypes() != null) {
      b.excludedInstanceTypes(f.excludedInstanceTypes());
    }
    return b.build();
  }

  private static CapacityProviderScalingConfig scaling(ProviderTunables t) {
    if (t.maxVCpuCount() == null && t.scalingMode() == null) {
      return null;
    }
    var b =
        CapacityProviderScalingConfig.builder()
            .maxVCpuCount(t.maxVCpuCount())
            .scalingMode(t.scalingMode());
    if (t.targetCpuUtilization() != null) {
      b.scalingPolicies(
          TargetTrackingScalingPolicy.builder()
              .predefinedMetricType(
                  CapacityProviderPredefinedMetricType
                      .LAMBDA_CAPACITY_PROVIDER_AVERAGE_CPU_UTILIZATION)
              .targetValue(t.targetCpuUtilization())
              .build());
    }
    return b.build();
  }

  static ProviderView view(CapacityProvider cp, NewerMembers.Exchange exchange) {
    return new ProviderView(
        cp.capacityProviderArn(),
        cp.stateAsString(),
        ProviderViews.fixed(cp),
        ProviderViews.tunables(cp, exchange.received()));
  }

  private static java.util.function.Consumer<
          software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration.Builder>
      attach(NewerMembers.Exchange exchange) {
    return o -> o.putExecutionAttribute(NewerMembers.EXCHANGE, exchange);
  }

  /** PropagateTags and TelemetryConfig as AWS spells them, for the members the SDK lacks. */
  static com.fasterxml.jackson.databind.node.ObjectNode newerMembers(ProviderTunables t) {
    var out = NewerMembers.object();
    if (t.propagateTagsMode() != null) {
      var p = out.putObject("PropagateTags").put("Mode", t.propagateTagsMode());
      if (t.explicitTags() != null && !t.explicitTags().isEmpty()) {
        var tags = p.putObject("ExplicitTags");
        t.explicitTags().forEach(tags::put);
      }
    }
    if (t.systemLogLevel() != null || t.logGroup() != null) {
      var logging = out.putObject("TelemetryConfig").putObject("LoggingConfig");
      if (t.systemLogLevel() != null) {
        logging.put("SystemLogLevel", t.systemLogLevel());
      }
      if (t.logGroup() != null) {
        logging.put("LogGroup", t.logGroup());
      }
    }
    return out;
  }
}
