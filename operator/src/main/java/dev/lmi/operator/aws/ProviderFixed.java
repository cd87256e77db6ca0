package dev.lmi.operator.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** The create-only settings of a capacity provider: AWS cannot change them in place. */
public record ProviderFixed(
    List<String> subnetIds,
    List<String> securityGroupIds,
    String operatorRoleArn,
    String architecture,
    List<String> allowedInstanceTypes,
    List<String> excludedInstanceTypes,
    String kmsKeyArn) {

  /** The names of the settings that differ from what AWS has; lists compare as sets. */
  public List<String> differencesFrom(ProviderFixed actual) {
    var out = new ArrayList<String>();
    if (!sameSet(subnetIds, actual.subnetIds)) {
      out.add("vpc.subnetIds");
    }
    if (!sameSet(securityGroupIds, actual.securityGroupIds)) {
      out.add("vpc.securityGroupIds");
    }
    if (!Objects.equals(operatorRoleArn, actual.operatorRoleArn)) {
      out.add("operatorRoleArn");
    }
    if (!Objects.equals(architecture, actual.architecture)) {
      out.add("instanceRequirements.architecture");
    }
    if (!sameSet(allowedInstanceTypes, actual.allowedInstanceTypes)) {
      out.add("instanceRequirements.allowedInstanceTypes");
    }
    if (!sameSet(excludedInstanceTypes, actual.excludedInstanceTypes)) {
      out.add("instanceRequirements.excludedInstanceTypes");
    }
    if (!Objects.equals(blankToNull(kmsKeyArn), blankToNull(actual.kmsKeyArn))) {
      out.add("kmsKeyArn");
    }
    return out;
  }

  private static boolean sameSet(List<String> a, List<String> b) {
    return new HashSet<>(a == null ? List.of() : a)
        .equals(new HashSet<>(b == null ? List.of() : b));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
