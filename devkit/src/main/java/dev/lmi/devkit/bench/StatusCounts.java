package dev.lmi.devkit.bench;

import dev.lmi.operator.metrics.OperatorMetrics;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The operator's own counts of reconciles and status writes by kind, read from its metrics: what a
 * provider's re-total (the sum of its functions' capacity, 3 s after one changes) costs.
 */
record StatusCounts(long providerReconciles, long providerWrites, long functionWrites) {
  static StatusCounts of(OperatorMetrics m) {
    return new StatusCounts(
        m.reconciles("CapacityProvider"),
        m.statusWrites("CapacityProvider"),
        m.statusWrites("LmiFunction"));
  }

  StatusCounts since(StatusCounts before) {
    return new StatusCounts(
        providerReconciles - before.providerReconciles,
        providerWrites - before.providerWrites,
        functionWrites - before.functionWrites);
  }

  void print(PrintStream out, String when, int providers, int functions) {
    out.printf(
        Locale.ROOT,
        "%-22s provider reconciles %d (%.1f per provider), provider status writes %d (%.1f per"
            + " provider), function status writes %d (%.2f per function)%n",
        when,
        providerReconciles,
        (double) providerReconciles / providers,
        providerWrites,
        (double) providerWrites / providers,
        functionWrites,
        (double) functionWrites / functions);
  }
}
