package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s3://artifacts/orders/*|s3://artifacts/orders/list.jar|true",
        "s3://artifacts/orders/*|s3://artifacts/orders/2026/05/list.jar|true",
        "s3://artifacts/orders/*|s3://artifacts/orders|false",
        "s3://artifacts/orders/*|s3://artifacts/search/list.jar|false",
        "s3://artifacts/orders/*|s3://artifacts-evil/orders/list.jar|false",
        "s3://artifacts/*/list.jar|s3://artifacts/orders/list.jar|true",
        "s3://artifacts/*/list.jar|s3://artifacts/a/b/list.jar|false",
        "arn:aws:iam::123456789012:role/orders-*|arn:aws:iam::123456789012:role/orders-list|true",
        "arn:aws:iam::123456789012:role/orders-*|arn:aws:iam::123456789012:role/admin|false",
        "arn:aws:iam::123456789012:role/orders-*|arn:aws:iam::210987654321:role/orders-x|false",
        "arn:aws:iam::*:role/orders|arn:aws:iam::123456789012:role/orders|true",
        "arn:aws:iam::123456789012:role/orders|arn:aws:iam::123456789012:role/orders-x|false",
        "123456789012.dkr.ecr.*.amazonaws.com/orders/*|123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders/app@sha256:ab|true",
        "123456789012.dkr.ecr.*.amazonaws.com/orders/*|123456789012.dkr.ecr.evil.io/x.amazonaws.com/orders/y|false",
        "123456789012.dkr.ecr.*.amazonaws.com/orders/*|123456789012.dkr.ecr.eu-west-1.amazonaws.com/search/orders/y|false",
        "*|anything/at/all|true",
        "a*b*c|aXbYc|true",
        "a*b*c|aXbY|false",
        "a**|abc/d|true"
      })
  void starStopsAtASlashUnlessItEndsThePattern(String pattern, String value, boolean matches) {
    assertThat(Glob.matches(pattern, value)).isEqualTo(matches);
  }

  @Test
  void aPathologicalPatternIsMatchedQuickly() {
    var pattern = "a*".repeat(500) + "b";
    assertThat(Glob.matches(pattern, "a".repeat(2000))).isFalse();
  }

  @Test
  void nothingMatchesAMissingValue() {
    assertThat(Glob.matches("*", null)).isFalse();
  }
}
