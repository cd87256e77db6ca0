package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.ProviderFixed;
import dev.lmi.operator.aws.ProviderTunables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How a capacity provider in AWS differs from the spec: the create-only settings (lists compare as
 * sets; AWS cannot change any of them in place) and the ones it updates in place (a value the spec
 * leaves out is AWS's to choose, and never differs).
 */
public final class ProviderDiff {
  private ProviderDiff() {}

  /** Create-only settings that differ: a refusal, or a reason not to adopt. */
  public static List<Change> fixed(ProviderFixed want, ProviderFixed have) {
    var out = new ArrayList<Change>();
    set(out, "vpc.subnetIds", want.subnetIds(), have.subnetIds());
    set(out, "vpc.securityGroupIds", want.securityGroupIds(), have.securityGroupIds());
    exact(out, "operatorRoleArn", want.operatorRoleArn(), have.operatorRoleArn());
    exact(out, "instanceRequirements.architecture", want.architecture(), have.architecture());
    set(
        out,
        "instanceRequirements.allowedInstanceTypes",
        want.allowedInstanceTypes(),
        have.allowedInstanceTypes());
    set(
        out,
        "instanceRequirements.excludedInstanceTypes",
        want.excludedInstanceTypes(),
        have.excludedInstanceTypes());
    exact(out, "kmsKeyArn", blankToNull(want.kmsKeyArn()), blankToNull(have.kmsKeyArn()));
    return out;
  }

  /** Scaling, tag propagation and telemetry settings the spec names and AWS does not have. */
  public static List<Change> tunables(ProviderTunables want, ProviderTunables have) {
    var out = new ArrayList<Change>();
    unlessDefault(out, "scaling.maxVCpuCount", want.maxVCpuCount(), have.maxVCpuCount());
    unlessDefault(out, "scaling.mode", want.scalingMode(), have.scalingMode());
    unlessDefault(
        out,
        "scaling.targetCpuUtilization",
        want.targetCpuUtilization(),
        have.targetCpuUtilization());
    unlessDefault(out, "propagateTags.mode", want.propagateTagsMode(), have.propagateTagsMode());
    unlessDefault(
        out,
        "propagateTags.explicitTags",
        want.explicitTags() == null || want.explicitTags().isEmpty() ? null : want.explicitTags(),
        have.explicitTags());
    unlessDefault(out, "telemetry.systemLogLevel", want.systemLogLevel(), have.systemLogLevel());
    unlessDefault(out, "telemetry.logGroup", want.logGroup(), have.logGroup());
    return out;
  }

  private static void set(List<Change> out, String field, List<String> want, List<String> have) {
    var a = new HashSet<>(want == null ? List.of() : want);
    var b = new HashSet<>(have == null ? List.of() : have);
    if (!a.equals(b)) {
      out.add(Change.of(field, have == null ? List.of() : have, want == null ? List.of() : want));
    }
  }

  private static void exact(List<Change> out, String field, Object want, Object have) {
    if (!Objects.equals(want, have)) {
      out.add(Change.of(field, have, want));
    }
  }

  private static void unlessDefault(List<Change> out, String field, Object want, Object have) {
    if (want != null && !Objects.equals(want, have)) {
      out.add(Change.of(field, have, want));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
