package dev.lmi.operator.testing;

import java.time.Duration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A provider "pool", a function running {@link HandlerCode} with n published Active versions (one
 * environment each at least) and an alias live on version 1, made directly through Lambda.
 */
public final class EmulatorFunctions {
  private EmulatorFunctions() {}

  public static void create(LambdaClient lambda, String name, int versions) {
    var provider =
        lambda
            .createCapacityProvider(
                r ->
                    r.capacityProviderName("pool")
                        .vpcConfig(
                            v ->
                                v.subnetIds("subnet-0a1a1b2c3d4e5f601")
                                    .securityGroupIds("sg-0d1a1b2c3d4e5f601"))
                        .permissionsConfig(
                            p ->
                                p.capacityProviderOperatorRoleArn(
                                    "arn:aws:iam::123456789012:role/op"))
                        .instanceRequirements(i -> i.architectures(Architecture.ARM64)))
            .capacityProvider()
            .capacityProviderArn();
    lambda.createFunction(
        r ->
            r.functionName(name)
                .role("arn:aws:iam::123456789012:role/fn")
                .runtime(Runtime.JAVA21)
                .handler(HandlerCode.HANDLER)
                .memorySize(2048)
                .architectures(Architecture.ARM64)
                .code(c -> c.s3Bucket("code").s3Key("ok.jar"))
                .capacityProviderConfig(
                    c ->
                        c.lambdaManagedInstancesCapacityProviderConfig(
                            m -> m.capacityProviderArn(provider))));
    for (var v = 1; v <= versions; v++) {
      var description = "v" + v;
      lambda.updateFunctionConfiguration(r -> r.functionName(name).description(description));
      awaitActive(lambda, name, "$LATEST");
      var version = lambda.publishVersion(r -> r.functionName(name)).version();
      awaitActive(lambda, name, version);
      lambda.putFunctionScalingConfig(
          r ->
              r.functionName(name)
                  .qualifier(version)
                  .functionScalingConfig(
                      s -> s.minExecutionEnvironments(1).maxExecutionEnvironments(2)));
    }
    lambda.createAlias(r -> r.functionName(name).name("live").functionVersion("1"));
  }

  private static void awaitActive(LambdaClient lambda, String name, String qualifier) {
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      var c = lambda.getFunctionConfiguration(r -> r.functionName(name).qualifier(qualifier));
      if (!"InProgress".equals(c.lastUpdateStatusAsString())
          && !"Pending".equals(c.stateAsString())) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException(name + ":" + qualifier + " did not settle");
  }
}
