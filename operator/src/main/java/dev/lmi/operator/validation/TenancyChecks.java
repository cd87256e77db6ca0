package dev.lmi.operator.validation;

import dev.lmi.operator.api.CapacityProviderSpec;
import dev.lmi.operator.api.LmiFunctionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A capacity provider's tenancy applied to one function: the execution role it would run as and the
 * code it would run must each match one of the provider's patterns (see {@link Glob}). Pure; shared
 * by the reconciler (before any AWS call) and the offline validator.
 */
public final class TenancyChecks {
  private TenancyChecks() {}

  /** The code a function runs, as the patterns name it: s3://bucket/key or the image URI. */
  public static String codeIdentity(LmiFunctionSpec spec) {
    var code = spec.getCode();
    if (code == null) {
      return null;
    }
    if (code.getImageUri() != null) {
      return code.getImageUri();
    }
    var s3 = code.getS3();
    return s3 == null ? null : "s3://" + s3.getBucket() + "/" + s3.getKey();
  }

  /** Every field of the function the provider's tenancy does not allow; empty when all are. */
  public static List<Violation> check(
      LmiFunctionSpec function, CapacityProviderSpec provider, String providerName) {
    var tenancy = provider.getTenancy();
    var found = new ArrayList<Violation>();
    if (tenancy == null) {
      return found;
    }
    var roles = tenancy.getRoleArnPatterns();
    if (roles != null && !anyMatches(roles, function.getRoleArn())) {
      found.add(
          new Violation(
              "spec.roleArn",
              refusal("role " + function.getRoleArn(), providerName, "roleArnPatterns", roles)));
    }
    var codes = tenancy.getCodePatterns();
    var code = codeIdentity(function);
    if (codes != null && !anyMatches(codes, code)) {
      var field =
          function.getCode() != null && function.getCode().getImageUri() != null
              ? "spec.code.imageUri"
              : "spec.code.s3";
      found.add(new Violation(field, refusal("code " + code, providerName, "codePatterns", codes)));
    }
    return found;
  }

  private static boolean anyMatches(List<String> patterns, String value) {
    return patterns.stream().anyMatch(p -> Glob.matches(p, value));
  }

  private static String refusal(
      String what, String providerName, String field, List<String> patterns) {
    return what
        + " is not allowed on CapacityProvider "
        + providerName
        + " (tenancy."
        + field
        + ": "
        + String.join(", ", patterns)
        + ")";
  }
}
