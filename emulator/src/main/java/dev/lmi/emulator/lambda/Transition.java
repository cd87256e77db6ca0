package dev.lmi.emulator.lambda;

import java.util.concurrent.Future;

/** A pending state change: due at a time and, optionally, after some background work finished. */
record Transition(long dueMillis, Future<?> waitFor, Runnable apply) {
  boolean ready(long nowMillis) {
    return nowMillis >= dueMillis && (waitFor == null || waitFor.isDone());
  }
}
