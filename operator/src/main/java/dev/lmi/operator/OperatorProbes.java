package dev.lmi.operator;

import java.util.Optional;

/** What /readyz and /healthz report. */
public interface OperatorProbes {
  /** Informers synced, and this replica holds the lease or waits for it (or elects none). */
  boolean ready();

  /** Why the reconcile loop is wedged (so the process should be restarted), or empty. */
  Optional<String> wedged();
}
