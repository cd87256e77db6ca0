package dev.lmi.sandbox;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.sandbox.kube.KubeApi;
import dev.lmi.sandbox.kube.KubeOptions;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The outside world of the operator on this machine, listening on loopback only: a Kubernetes API
 * ({@link KubeApi}), the LMI emulator and, when asked, DynamoDB Local. The tests, the local mode
 * and the benchmark all start it here. Closing stops them in reverse.
 */
public final class Sandbox implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private DynamoDbLocal dynamoDb;
  private LmiEmulator emulator;
  private KubeApi kube;

  private Sandbox() {}

  /** A Kubernetes API and the emulator. */
  public static Sandbox start(KubeOptions kube, EmulatorConfig emulator) {
    return start(kube, emulator, -1);
  }

  /** A Kubernetes API, the emulator and DynamoDB Local (for the functions the emulator runs). */
  public static Sandbox withDynamoDb(KubeOptions kube, EmulatorConfig emulator) {
    return withDynamoDb(kube, emulator, 0);
  }

  /** Like {@link #withDynamoDb(KubeOptions, EmulatorConfig)}, DynamoDB Local on a given port. */
  public static Sandbox withDynamoDb(KubeOptions kube, EmulatorConfig emulator, int dynamoDbPort) {
    return start(kube, emulator, dynamoDbPort);
  }

  /** dynamoDbPort -1: without DynamoDB Local. */
  private static Sandbox start(KubeOptions kube, EmulatorConfig emulator, int dynamoDbPort) {
    var sandbox = new Sandbox();
    try {
      if (dynamoDbPort >= 0) {
        sandbox.dynamoDb = sandbox.track(DynamoDbLocal.start(dynamoDbPort));
      }
      sandbox.emulator = sandbox.track(LmiEmulator.start(emulator));
      sandbox.kube = sandbox.track(KubeApi.start(kube));
      return sandbox;
    } catch (RuntimeException e) {
      try {
        sandbox.close();
      } catch (RuntimeException stopping) {
        e.addSuppressed(stopping);
      }
      throw e;
    }
  }

  public KubeApi kube() {
    return kube;
  }

  public LmiEmulator emulator() {
    return emulator;
  }

  public DynamoDbLocal dynamoDb() {
    if (dynamoDb == null) {
      throw new IllegalStateException("this sandbox was started without DynamoDB Local");
    }
    return dynamoDb;
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.push(resource);
    return resource;
  }

  /** Stops everything, even when a part fails to stop; the first failure is thrown at the end. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("the sandbox did not stop cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
