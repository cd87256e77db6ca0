package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.FunctionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How a function's $LATEST differs from the spec, field by field, with both values. A desired value
 * of null means "AWS's default" and never differs, except for environment and layers, where null
 * means none. Environment values are never carried, only which variable changed.
 */
public final class SettingsDiff {
  private SettingsDiff() {}

  public static List<Change> changes(FunctionSettings want, FunctionSettings have) {
    var out = new ArrayList<Change>();
    unlessDefault(out, "runtime", want.runtime(), have.runtime());
    unlessDefault(out, "handler", want.handler(), have.handler());
    unlessDefault(out, "roleArn", want.roleArn(), have.roleArn());
    unlessDefault(out, "memoryMiB", want.memoryMiB(), have.memoryMiB());
    unlessDefault(out, "timeoutSeconds", want.timeoutSeconds(), have.timeoutSeconds());
    unlessDefault(out, "architecture", want.architecture(), have.architecture());
    environment(out, orEmpty(want.environment()), orEmpty(have.environment()));
    var layers = want.layers() == null ? List.of() : want.layers();
    var layersNow = have.layers() == null ? List.of() : have.layers();
    if (!layers.equals(layersNow)) {
      out.add(Change.of("layers", layersNow, layers));
    }
    unlessDefault(out, "logging.format", want.logFormat(), have.logFormat());
    unlessDefault(
        out, "logging.applicationLogLevel", want.applicationLogLevel(), have.applicationLogLevel());
    unlessDefault(out, "logging.systemLogLevel", want.systemLogLevel(), have.systemLogLevel());
    unlessDefault(out, "logging.logGroup", want.logGroup(), have.logGroup());
    unlessDefault(out, "tracing", want.tracing(), have.tracing());
    unlessDefault(
        out, "ephemeralStorageMiB", want.ephemeralStorageMiB(), have.ephemeralStorageMiB());
    unlessDefault(
        out, "capacityProviderRef", want.capacityProviderArn(), have.capacityProviderArn());
    unlessDefault(
        out, "maxConcurrencyPerEnvironment", want.maxConcurrency(), have.maxConcurrency());
    unlessDefault(out, "memoryGiBPerVCpu", want.memoryGiBPerVCpu(), have.memoryGiBPerVCpu());
    return out;
  }

  private static void unlessDefault(List<Change> out, String field, Object want, Object have) {
    if (want != null && !Objects.equals(want, have)) {
      out.add(Change.of(field, have, want));
    }
  }

  /** One change per variable added, removed or changed; the values stay out of the plan. */
  private static void environment(
      List<Change> out, Map<String, String> want, Map<String, String> have) {
    var names = new TreeSet<String>(want.keySet());
    names.addAll(have.keySet());
    for (var name : names) {
      if (!Objects.equals(want.get(name), have.get(name))) {
        out.add(
            Change.hidden("environment." + name, have.containsKey(name), want.containsKey(name)));
      }
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }
}
