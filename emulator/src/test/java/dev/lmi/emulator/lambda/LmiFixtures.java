package dev.lmi.emulator.lambda;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CapacityProviderConfig;
import software.amazon.awssdk.services.lambda.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Valid request builders shared by the Lambda tests. */
public final class LmiFixtures {
  public static final String ROLE = "arn:aws:iam::123456789012:role/lambda";
  public static final String OPERATOR_ROLE = "arn:aws:iam::123456789012:role/op";

  private LmiFixtures() {}

  public static CreateCapacityProviderRequest.Builder provider(String name) {
    return CreateCapacityProviderRequest.builder()
        .capacityProviderName(name)
        .vpcConfig(
            v -> v.subnetIds("subnet-0a1a1b2c3d4e5f601").securityGroupIds("sg-0d1a1b2c3d4e5f601"))
        .permissionsConfig(p -> p.capacityProviderOperatorRoleArn(OPERATOR_ROLE))
        .instanceRequirements(i -> i.architectures(Architecture.ARM64));
  }

  public static String createProvider(LambdaClient lambda, String name) {
    return lambda
        .createCapacityProvider(provider(name).build())
        .capacityProvider()
        .capacityProviderArn();
  }

  public static CreateFunctionRequest.Builder lmiFunction(String name, String providerArn) {
    return CreateFunctionRequest.builder()
        .functionName(name)
        .role(ROLE)
        .runtime(Runtime.JAVA21)
        .handler("example.Handler::handleRequest")
        .memorySize(2048)
        .architectures(Architecture.ARM64)
        .code(FunctionCode.builder().s3Bucket("code").s3Key(name + ".jar").build())
        .capacityProviderConfig(
            CapacityProviderConfig.builder()
                .lambdaManagedInstancesCapacityProviderConfig(
                    c -> c.capacityProviderArn(providerArn))
                .build());
  }

  public static CreateFunctionRequest.Builder standardFunction(String name) {
    return CreateFunctionRequest.builder()
        .functionName(name)
        .role(ROLE)
        .runtime(Runtime.PYTHON3_12)
        .handler("app.handler")
        .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(Zips.tiny())).build())
        .tags(Map.of("team", "x"));
  }
}
