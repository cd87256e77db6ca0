package dev.lmi.operator.validation;

/**
 * The patterns of a provider's tenancy: '*' matches any run of characters except '/', and a '*'
 * that ends the pattern matches the rest, '/' included; every other character stands for itself. So
 * {@code 123456789012.dkr.ecr.*.amazonaws.com/orders/*} cannot match a registry outside
 * amazonaws.com, while {@code s3://artifacts/orders/*} covers every key under orders/. Matching is
 * linear in the value per pattern segment (no regular expressions, no backtracking blow-up).
 */
public final class Glob {
  private Glob() {}

  /** True when the whole value matches the pattern. */
  public static boolean matches(String pattern, String value) {
    if (pattern == null || value == null) {
      return false;
    }
    var tail = pattern.endsWith("*");
    var patternParts = pattern.split("/", -1);
    var valueParts = value.split("/", -1);
    var n = patternParts.length;
    if (valueParts.length < n || (!tail && valueParts.length != n)) {
      return false;
    }
    for (var i = 0; i < n; i++) {
      if (!segment(patternParts[i], valueParts[i])) {
        return false;
      }
    }
    return true;
  }

  /** Wildcard match of one '/'-free segment: '*' matches any run of characters. */
  static boolean segment(String pattern, String value) {
    int p = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < value.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = v;
      } else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
        p++;
        v++;
      } else if (star >= 0) {
        p = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
