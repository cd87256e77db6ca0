package dev.lmi.operator.capacity;

/** The words of the capacity conditions: figures first, then what to do. */
final class Messages {
  private Messages() {}

  static String exceeded(
      ProviderCapacity p, String providerName, String step, int vCpuPerEnvironment, int envs) {
    long needed = (long) envs * vCpuPerEnvironment;
    return ("%s needs %d execution environment%s × %d vCPU%s = %d vCPUs, but CapacityProvider %s"
            + " holds %d of its %d vCPUs (maxVCpuCount) at minimum (%d warm version%s of %d"
            + " function%s): raise spec.scaling.maxVCpuCount of CapacityProvider %s to at least %d,"
            + " lower minExecutionEnvironments (of this function or another on the provider), or"
            + " move the function to another CapacityProvider; it proceeds once there is room")
        .formatted(
            step,
            envs,
            plural(envs),
            vCpuPerEnvironment,
            plural(vCpuPerEnvironment),
            needed,
            providerName,
            p.vCpuAtMin(),
            p.maxVCpuCount(),
            p.warmVersions(),
            plural(p.warmVersions()),
            p.functions(),
            plural(p.functions()),
            providerName,
            p.vCpuAtMin() + needed);
  }

  static String beyondCeiling(
      FunctionCapacity f, ProviderCapacity p, String providerName, long others) {
    var room = Math.max(0, p.maxVCpuCount() - others);
    return ("at its maximum this function holds %d vCPUs, but CapacityProvider %s leaves it %d of"
            + " its %d (the other functions hold %d at their minimum), about %d execution"
            + " environment%s of %d vCPU%s: raise maxVCpuCount of the provider or lower"
            + " maxExecutionEnvironments")
        .formatted(
            f.vCpuAtMax(),
            providerName,
            room,
            p.maxVCpuCount(),
            others,
            room / f.vCpuPerEnvironment(),
            plural(room / f.vCpuPerEnvironment()),
            f.vCpuPerEnvironment(),
            plural(f.vCpuPerEnvironment()));
  }

  static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
