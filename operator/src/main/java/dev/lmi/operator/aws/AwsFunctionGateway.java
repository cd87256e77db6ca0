package dev.lmi.operator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.PackageType;

/** Functions and versions through the AWS SDK for Java v2. */
public final class AwsFunctionGateway implements FunctionGateway {
  private final LambdaClient lambda;
  private final AwsCalls calls;

  public AwsFunctionGateway(LambdaClient lambda, AwsCalls calls) {
    this.lambda = lambda;
    this.calls = calls;
  }

  @Override
  public Optional<FunctionView> get(String name) {
    return calls
        .find("GetFunction", () -> lambda.getFunction(r -> r.functionName(name)))
        .map(
            r ->
                FunctionViews.view(
                    r.configuration(), r.code() == null ? null : r.code().imageUri(), r.tags()));
  }

  @Override
  public Created create(
      String name,
      FunctionSettings s,
      CodeSource code,
      Map<String, String> tags,
      String description) {
    var created =
        calls.call(
            "CreateFunction",
            () ->
                lambda.createFunction(
                    r ->
                        r.functionName(name)
                            .packageType(code.isImage() ? PackageType.IMAGE : PackageType.ZIP)
                            .runtime(s.runtime())
                            .handler(s.handler())
                            .role(s.roleArn())
                            .memorySize(s.memoryMiB())
                            .timeout(s.timeoutSeconds())
                            .architecturesWithStrings(s.architecture())
                            .environment(FunctionRequests.environment(s))
                            .layers(s.layers() == null ? List.of() : s.layers())
                            .loggingConfig(FunctionRequests.logging(s))
                            .tracingConfig(FunctionRequests.tracing(s))
                            .ephemeralStorage(FunctionRequests.ephemeral(s))
                            .capacityProviderConfig(FunctionRequests.capacityProvider(s))
                            .code(functionCode(code))
                            .tags(tags)
                            .description(description)
                            .publish(true)));
    // The response describes the published version; one that names no numbered version leaves
    // the version to the next PublishVersion, which returns it without publishing another.
    var version =
        created.version() != null && created.version().matches("\\d+")
            ? new VersionView(
                created.version(),
                created.stateAsString(),
                created.stateReasonCodeAsString(),
                created.stateReason(),
                created.codeSha256(),
                created.description())
            : null;
    return new Created(
        FunctionViews.view(asConfiguration(created), code.imageUri(), tags), version);
  }

  @Override
  public void updateSettings(String name, FunctionSettings s) {
    calls.call(
        "UpdateFunctionConfiguration",
        () ->
            lambda.updateFunctionConfiguration(
                r ->
                    r.functionName(name)
                        .runtime(s.runtime())
                        .handler(s.handler())
                        .role(s.roleArn())
                        .memorySize(s.memoryMiB())
                        .timeout(s.timeoutSeconds())
                        .environment(FunctionRequests.environment(s))
                        .layers(s.layers() == null ? List.of() : s.layers())
                        .loggingConfig(FunctionRequests.logging(s))
                        .tracingConfig(FunctionRequests.tracing(s))
                        .ephemeralStorage(FunctionRequests.ephemeral(s))
                        .capacityProviderConfig(FunctionRequests.capacityProvider(s))));
  }

  @Override
  public void updateCode(String name, CodeSource code, String architecture) {
    calls.call(
        "UpdateFunctionCode",
        () ->
            lambda.updateFunctionCode(
                r -> {
                  r.functionName(name).architecturesWithStrings(architecture);
                  if (code.isImage()) {
                    r.imageUri(code.imageUri());
                  } else {
                    r.s3Bucket(code.s3Bucket())
                        .s3Key(code.s3Key())
                        .s3ObjectVersion(code.s3ObjectVersion());
                  }
                }));
  }

  @Override
  public VersionView publish(String name, String description) {
    var published =
        calls.call(
            "PublishVersion",
            () -> lambda.publishVersion(r -> r.functionName(name).description(description)));
    return new VersionView(
        published.version(),
        published.stateAsString(),
        published.stateReasonCodeAsString(),
        published.stateReason(),
        published.codeSha256(),
        published.description());
  }

  @Override
  public Optional<VersionView> version(String name, String version) {
    return calls
        .find(
            "GetFunctionConfiguration",
            () -> lambda.getFunctionConfiguration(r -> r.functionName(name).qualifier(version)))
        .map(
            c ->
                new VersionView(
                    c.version(),
                    c.stateAsString(),
                    c.stateReasonCodeAsString(),
                    c.stateReason(),
                    c.codeSha256(),
                    c.description(),
                    c.role(),
                    c.deadLetterConfig() == null ? null : c.deadLetterConfig().targetArn()));
  }

  @Override
  public List<VersionView> publishedVersions(String name) {
    var out = new ArrayList<VersionView>();
    String marker = null;
    do {
      var m = marker;
      var page =
          calls.call(
              "ListVersionsByFunction",
              () -> lambda.listVersionsByFunction(r -> r.functionName(name).marker(m)));
      page.versions().stream()
          .filter(c -> c.version().chars().allMatch(Character::isDigit))
          .map(
              c ->
                  new VersionView(
                      c.version(),
                      c.stateAsString(),
                      c.stateReasonCodeAsString(),
                      c.stateReason(),
                      c.codeSha256(),
                      c.description()))
          .forEach(out::add);
      marker = page.nextMarker();
    } while (marker != null);
    out.sort((a, b) -> Long.compare(Long.parseLong(a.version()), Long.parseLong(b.version())));
    return out;
  }

  @Override
  public void deleteVersion(String name, String version) {
    calls.find(
        "DeleteFunction",
        () -> lambda.deleteFunction(r -> r.functionName(name).qualifier(version)));
  }

  @Override
  public DeleteOutcome delete(String name) {
    var response =
        calls.find("DeleteFunction", () -> lambda.deleteFunction(r -> r.functionName(name)));
    if (response.isEmpty()) {
      return DeleteOutcome.gone();
    }
    var status = response.get().statusCode();
    return status != null && status == 202 ? DeleteOutcome.deleting() : DeleteOutcome.gone();
  }

  @Override
  public void tag(String arn, Map<String, String> tags) {
    calls.call("TagResource", () -> lambda.tagResource(r -> r.resource(arn).tags(tags)));
  }

  private static FunctionCode functionCode(CodeSource code) {
    if (code.isImage()) {
      return FunctionCode.builder().imageUri(code.imageUri()).build();
    }
    return FunctionCode.builder()
        .s3Bucket(code.s3Bucket())
        .s3Key(code.s3Key())
        .s3ObjectVersion(code.s3ObjectVersion())
        .build();
  }

  private static FunctionConfiguration asConfiguration(
      software.amazon.awssdk.services.lambda.model.CreateFunctionResponse r) {
    // With Publish the ARN may carry the version (":1"); the function's own ARN has no qualifier.
    var arn = r.functionArn();
    var unqualified =
        arn != null && arn.split(":").length > 7 ? arn.substring(0, arn.lastIndexOf(':')) : arn;
    return FunctionConfiguration.builder()
        .functionArn(unqualified)
        .state(r.stateAsString())
        .stateReasonCode(r.stateReasonCodeAsString())
        .stateReason(r.stateReason())
        .lastUpdateStatus(r.lastUpdateStatusAsString())
        .runtime(r.runtimeAsString())
        .handler(r.handler())
        .role(r.role())
        .memorySize(r.memorySize())
        .timeout(r.timeout())
        .architecturesWithStrings(r.architecturesAsStrings())
        .environment(
            r.environment() == null
                ? null
                : software.amazon.awssdk.services.lambda.model.EnvironmentResponse.builder()
                    .variables(r.environment().variables())
                    .build())
        .layers(r.layers())
        .loggingConfig(r.loggingConfig())
        .tracingConfig(r.tracingConfig())
        .ephemeralStorage(r.ephemeralStorage())
        .capacityProviderConfig(r.capacityProviderConfig())
        .codeSha256(r.codeSha256())
        .build();
  }
}
