package dev.lmi.emulator.moto;

import dev.lmi.emulator.lambda.Zips;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sts.StsClient;

/** The standard-function call sequence an operator would make, with the fields it reads. */
final class LambdaScenario {
  private LambdaScenario() {}

  private static String fields(FunctionConfiguration c) {
    return String.join(
        "|",
        c.functionName(),
        c.runtimeAsString(),
        c.handler(),
        c.codeSha256(),
        String.valueOf(c.codeSize()),
        c.version(),
        c.packageTypeAsString(),
        String.valueOf(c.memorySize()),
        String.valueOf(c.timeout()),
        c.description());
  }

  static Transcript run(LambdaClient lambda, StsClient sts) {
    var t = new Transcript();
    var create =
        CreateFunctionRequest.builder()
            .functionName("diff")
            .role("arn:aws:iam::123456789012:role/lambda")
            .runtime(Runtime.PYTHON3_12)
            .handler("app.handler")
            .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.tiny())))
            .build();
    var created = new FunctionConfiguration[1];
    t.step(
        "lambda.create",
        () -> {
          var r = lambda.createFunction(create);
          created[0] = FunctionConfiguration.builder().state(r.state()).build();
          return fields(
              FunctionConfiguration.builder()
                  .functionName(r.functionName())
                  .runtime(r.runtime())
                  .handler(r.handler())
                  .codeSha256(r.codeSha256())
                  .codeSize(r.codeSize())
                  .version(r.version())
                  .packageType(r.packageType())
                  .memorySize(r.memorySize())
                  .timeout(r.timeout())
                  .description(r.description())
                  .build());
        });
    t.step("lambda.create.state", () -> created[0].stateAsString());
    awaitActive(lambda);
    t.step("lambda.create.duplicate", () -> lambda.createFunction(create).functionName());
    t.step(
        "lambda.create.publish",
        () -> {
          // With Publish the response names the first version under the unqualified ARN.
          var r =
              lambda.createFunction(
                  create.toBuilder().functionName("diff-pub").publish(true).build());
          return r.version() + "|" + r.functionArn().endsWith(":function:diff-pub");
        });
    t.step(
        "lambda.create.layered",
        () -> {
          var layer = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";
          lambda.createFunction(
              create.toBuilder().functionName("diff-layer").layers(layer).build());
          var listed = lambda.listFunctions().functions().stream();
          return listed
              .filter(f -> f.functionName().equals("diff-layer"))
              .map(f -> f.layers().get(0).arn())
              .findFirst()
              .orElse("missing");
        });
    t.step(
        "lambda.get",
        () -> fields(lambda.getFunction(b -> b.functionName("diff")).configuration()));
    t.step(
        "lambda.get.missing",
        () -> lambda.getFunction(b -> b.functionName("nope")).configuration().functionName());
    t.step(
        "lambda.get.invalidName",
        () -> lambda.getFunction(b -> b.functionName("bad name")).configuration().functionName());
    t.step("lambda.publish", () -> lambda.publishVersion(b -> b.functionName("diff")).version());
    t.step(
        "lambda.publish.unchanged",
        () -> lambda.publishVersion(b -> b.functionName("diff")).version());
    t.step(
        "lambda.alias.create",
        () -> {
          var a = lambda.createAlias(b -> b.functionName("diff").name("live").functionVersion("1"));
          return a.name() + "|" + a.functionVersion() + "|" + a.aliasArn();
        });
    t.step(
        "lambda.alias.missingVersion",
        () ->
            lambda.createAlias(b -> b.functionName("diff").name("x").functionVersion("9")).name());
    t.step(
        "lambda.alias.get",
        () -> lambda.getAlias(b -> b.functionName("diff").name("live")).functionVersion());
    t.step(
        "lambda.alias.get.missing",
        () -> lambda.getAlias(b -> b.functionName("diff").name("nope")).functionVersion());
    t.step(
        "lambda.alias.update",
        () ->
            lambda
                .updateAlias(b -> b.functionName("diff").name("live").description("d"))
                .description());
    t.step(
        "lambda.update",
        () ->
            lambda
                .updateFunctionConfiguration(b -> b.functionName("diff").description("two"))
                .description());
    awaitActive(lambda);
    t.step(
        "lambda.publish.changed",
        () -> lambda.publishVersion(b -> b.functionName("diff")).version());
    t.step(
        "lambda.getVersion",
        () ->
            fields(lambda.getFunction(b -> b.functionName("diff").qualifier("2")).configuration()));
    t.step(
        "lambda.listVersions",
        () ->
            lambda.listVersionsByFunction(b -> b.functionName("diff")).versions().stream()
                .map(FunctionConfiguration::version)
                .toList());
    t.step(
        "lambda.alias.delete",
        () ->
            lambda
                .deleteAlias(b -> b.functionName("diff").name("live"))
                .sdkHttpResponse()
                .statusCode());
    t.step(
        "lambda.deleteVersion",
        () -> lambda.deleteFunction(b -> b.functionName("diff").qualifier("1")).statusCode());
    t.step(
        "lambda.alias.createOn2",
        () ->
            lambda
                .createAlias(b -> b.functionName("diff").name("canary").functionVersion("2"))
                .functionVersion());
    t.step(
        "lambda.deleteVersion.heldByAlias",
        () -> lambda.deleteFunction(b -> b.functionName("diff").qualifier("2")).statusCode());
    t.step("lambda.delete", () -> lambda.deleteFunction(b -> b.functionName("diff")).statusCode());
    t.step(
        "lambda.get.afterDelete",
        () -> lambda.getFunction(b -> b.functionName("diff")).configuration().functionName());
    t.step("sts.account", () -> sts.getCallerIdentity().account());
    t.step("sts.arn", () -> sts.getCallerIdentity().arn());
    return t;
  }

  private static void awaitActive(LambdaClient lambda) {
    dev.lmi.emulator.Clients.await(
        () -> {
          var c = lambda.getFunctionConfiguration(b -> b.functionName("diff"));
          return "Active".equals(c.stateAsString())
              && !"InProgress".equals(c.lastUpdateStatusAsString());
        },
        java.time.Duration.ofSeconds(10));
  }
}
