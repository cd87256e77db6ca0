package dev.lmi.operator.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.aws.FunctionSettings;
import dev.lmi.operator.aws.ProviderFixed;
import dev.lmi.operator.aws.ProviderTunables;
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
    assertThat(SettingsDiff.changes(desired, actual)).isEmpty();
  }

  @Test
  void functionSettingsNameEachDifferenceWithBothValuesButNeverAnEnvironmentValue() {
    var desired = settings(4096, Map.of("KEEP", "new-secret", "ADDED", "a"), 8);
    var actual = settings(2048, Map.of("KEEP", "old-secret", "GONE", "g"), 64);
    var changes = SettingsDiff.changes(desired, actual);
    assertThat(changes)
        .extracting(Change::text)
        .containsExactly(
            "memoryMiB 2048 → 4096",
            "environment.ADDED added",
            "environment.GONE removed",
            "environment.KEEP changed",
            "maxConcurrencyPerEnvironment 64 → 8");
    assertThat(changes.toString()).doesNotContain("secret", "=a", "=g");
  }

  @Test
  void providerCreateOnlySettingsCompareListsAsSets() {
    var a =
        new ProviderFixed(
            List.of("subnet-a", "subnet-b"), List.of(), "arn:role", "arm64", null, null, null);
    var b =
        new ProviderFixed(
            List.of("subnet-b", "subnet-a"), null, "arn:role", "arm64", List.of(), null, "");
    assertThat(ProviderDiff.fixed(a, b)).isEmpty();
    var c =
        new ProviderFixed(
            List.of("subnet-c"),
            List.of("sg-1"),
            "arn:other",
            "x86_64",
            List.of("m7g.large"),
            null,
            "arn:kms");
    assertThat(ProviderDiff.fixed(a, c))
        .extracting(Change::field)
        .containsExactly(
            "vpc.subnetIds",
            "vpc.securityGroupIds",
            "operatorRoleArn",
            "instanceRequirements.architecture",
            "instanceRequirements.allowedInstanceTypes",
            "kmsKeyArn");
    assertThat(ProviderDiff.fixed(a, c).get(3).text())
        .isEqualTo("instanceRequirements.architecture x86_64 → arm64");
  }

  @Test
  void providerTunablesDifferOnlyWhereTheSpecNamesAValue() {
    var desired = new ProviderTunables(64, "Auto", null, null, null, null, null);
    var actual = new ProviderTunables(64, "Auto", null, "None", Map.of(), "INFO", "/aws/x");
    assertThat(ProviderDiff.tunables(desired, actual)).isEmpty();
    var manual = new ProviderTunables(64, "Manual", 50.0, null, null, null, null);
    assertThat(ProviderDiff.tunables(manual, actual))
        .extracting(Change::text)
        .containsExactly("scaling.mode Auto → Manual", "scaling.targetCpuUtilization unset → 50.0");
  }
}
