package dev.lmi.operator.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.testing.Resources;
import org.junit.jupiter.api.Test;

class FunctionDesiredTest {
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:capacity-provider:p";

  @Test
  void derivesTheAwsNameFromNamespaceAndName() {
    var fn = Resources.function("orders", "list-orders", "p");
    assertThat(FunctionDesired.awsName(fn)).isEqualTo("orders-list-orders");
  }

  @Test
  void shortensLongNamesWithAStableHashAndReplacesDots() {
    var fn =
        Resources.function(
            "a-very-long-namespace-name-for-a-team", "function.with.dots-and-a-long-name", "p");
    var name = FunctionDesired.awsName(fn);
    assertThat(name)
        .hasSize(64)
        .matches("[a-zA-Z0-9_-]+")
        .startsWith("a-very-long-namespace-name-for-a-team-function-with-dot");
    assertThat(FunctionDesired.awsName(fn)).isEqualTo(name);
    var sibling =
        Resources.function(
            "a-very-long-namespace-name-for-a-team", "function.with.dots-and-a-long-name2", "p");
    assertThat(FunctionDesired.awsName(sibling)).isNotEqualTo(name);
  }

  @Test
  void usesTheExplicitAwsName() {
    var fn = Resources.function("orders", "list-orders", "p");
    fn.getSpec().setAwsName("custom");
    assertThat(FunctionDesired.awsName(fn)).isEqualTo("custom");
  }

  @Test
  void sameSpecGivesSameHashAndACodeChangeGivesAnother() {
    var a = FunctionDesired.of(Resources.function("orders", "f", "p"), ARN, "o");
    var b = FunctionDesired.of(Resources.function("orders", "f", "p"), ARN, "o");
    assertThat(a.configHash()).isEqualTo(b.configHash());
    var changed = Resources.function("orders", "f", "p");
    changed.getSpec().getCode().getS3().setObjectVersion("9");
    var c = FunctionDesired.of(changed, ARN, "o");
    assertThat(c.configHash()).isNotEqualTo(a.configHash());
    assertThat(c.codeIdentity()).isEqualTo("s3://artifacts/orders/handler.jar?versionId=9");
  }

  @Test
  void appliesTheCrdDefaultsWhenTheServerDidNot() {
    var fn = Resources.function("orders", "f", "p");
    fn.getSpec().setMemoryMiB(null);
    fn.getSpec().setMemoryGiBPerVCpu(null);
    fn.getSpec().setTracing(null);
    fn.getSpec().setKeepVersions(null);
    var d = FunctionDesired.of(fn, ARN, "o");
    assertThat(d.settings().memoryMiB()).isEqualTo(2048);
    assertThat(d.settings().memoryGiBPerVCpu()).isEqualTo(2.0);
    assertThat(d.settings().tracing()).isEqualTo("PassThrough");
    assertThat(d.settings().logFormat()).isEqualTo("JSON");
    assertThat(d.keepVersions()).isEqualTo(3);
    assertThat(d.alias()).isEqualTo("live");
  }

  @Test
  void tagsCarryOwnerAndCodeIdentityButNotUserReservedKeys() {
    var d =
        FunctionDesired.of(
            Resources.function("orders", "f", "p"), ARN, "cluster/LmiFunction/orders/f");
    assertThat(d.tags()).containsEntry(Api.OWNER_TAG, "cluster/LmiFunction/orders/f");
    assertThat(d.tags().get(Api.CODE_TAG)).hasSize(16);
  }
}
