package dev.lmi.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffsTest {
  private static FunctionSettings settings(
      Integer memory, Map<String, String> env, Integer concurrency) {
    return new FunctionSettings(
        "java21",
        "h::r",
        "arn:aws:iam::123456789012:role/r",
        memory,
        10,
        "arm64",
        env,
        List.of(),
        "JSON",
        null,
        null,
        null,
        "PassThrough",
        512,
        "arn:cp",
        concurrency,
        2.0);
  }

  @Test
  void functionSettingsIgnoreWhatTheSpecLeavesToAws() {
    var desired = settings(2048, Map.of(), null);
    var actual = settings(2048, Map.of(), 64);
    assertThat(desired.differencesFrom(actual)).isEmpty();
  }

  @Test
  void functionSettingsNameEachDifference() {
    var desired = settings(4096, Map.of(), 8);
    var actual = settings(2048, Map.of("X", "1"), 64);
    assertThat(desired.differencesFrom(actual))
        .containsExactly("memoryMiB", "environment", "maxConcurrencyPerEnvironment");
  }

  @Test
  void providerCreateOnlySettingsCompareListsAsSets() {
    var a =
        new ProviderFixed(
            List.of("subnet-a", "subnet-b"), List.of(), "arn:role", "arm64", null, null, null);
    var b =
        new ProviderFixed(
            List.of("subnet-b", "subnet-a"), null, "arn:role", "arm64", List.of(), null, "");
    assertThat(a.differencesFrom(b)).isEmpty();
    var c =
        new ProviderFixed(
            List.of("subnet-c"),
            List.of("sg-1"),
            "arn:other",
            "x86_64",
            List.of("m7g.large"),
            null,
            "arn:kms");
    assertThat(a.differencesFrom(c))
        .containsExactly(
            "vpc.subnetIds",
            "vpc.securityGroupIds",
            "operatorRoleArn",
            "instanceRequirements.architecture",
            "instanceRequirements.allowedInstanceTypes",
            "kmsKeyArn");
  }

  @Test
  void providerTunablesAreSatisfiedWhenEverySpecifiedValueMatches() {
    var desired = new ProviderTunables(64, "Auto", null, null, null, null, null);
    var actual = new ProviderTunables(64, "Auto", null, "None", Map.of(), "INFO", "/aws/x");
    assertThat(desired.satisfiedBy(actual)).isTrue();
    var manual = new ProviderTunables(64, "Manual", 50.0, null, null, null, null);
    assertThat(manual.satisfiedBy(actual)).isFalse();
  }
}
