package dev.lmi.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.monitoring.Metrics.ControllerExecution;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  private Instant now = Instant.parse("2026-06-01T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final Watchdog watchdog = new Watchdog(clock, Duration.ofMinutes(20));
  private final CountDownLatch release = new CountDownLatch(1);
  private CompletableFuture<Object> running;

  @AfterEach
  void finish() {
    release.countDown();
  }

  /** Starts a reconcile of orders/list that runs until the test ends. */
  private void startAReconcile() throws InterruptedException {
    var started = new CountDownLatch(1);
    running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return watchdog.timeControllerExecution(
                    execution(
                        () -> {
                          started.countDown();
                          release.await();
                          return "done";
                        }));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    started.await();
  }

  @Test
  void isHealthyWhileNothingRuns() {
    now = now.plus(Duration.ofDays(1));
    assertThat(watchdog.wedged()).isEmpty();
  }

  @Test
  void aSlowReconcileWithinTheLimitIsNotWedged() throws InterruptedException {
    startAReconcile();
    now = now.plus(Duration.ofMinutes(19));
    assertThat(watchdog.wedged()).isEmpty();
  }

  @Test
  void aReconcileRunningPastTheLimitIsWedgedAndNamed() throws InterruptedException {
    startAReconcile();
    now = now.plus(Duration.ofMinutes(21));
    assertThat(watchdog.wedged())
        .hasValueSatisfying(
            why -> assertThat(why).contains("reconcile of lmifunction", "list", "21 minutes"));
  }

  @Test
  void aFinishedOrFailedReconcileIsForgotten() throws Exception {
    watchdog.timeControllerExecution(execution(() -> "done"));
    try {
      watchdog.timeControllerExecution(
          execution(
              () -> {
                throw new IllegalStateException("AWS said no");
              }));
    } catch (IllegalStateException expected) {
      // the failure passes through
    }
    now = now.plus(Duration.ofHours(1));
    assertThat(watchdog.wedged()).isEmpty();
  }

  @Test
  void anInformerThatStoppedForGoodIsWedged() {
    watchdog.informerStopped("lmifunctions");
    assertThat(watchdog.wedged()).hasValue("informer lmifunctions stopped");
  }

  private interface Body {
    Object run() throws Exception;
  }

  private static ControllerExecution<Object> execution(Body body) {
    return new ControllerExecution<>() {
      @Override
      public String name() {
        return "reconcile";
      }

      @Override
      public String controllerName() {
        return "lmifunction";
      }

      @Override
      public String successTypeName(Object result) {
        return "done";
      }

      @Override
      public ResourceID resourceID() {
        return new ResourceID("list", "orders");
      }

      @Override
      public Map<String, Object> metadata() {
        return Map.of();
      }

      @Override
      public Object execute() throws Exception {
        return body.run();
      }
    };
  }
}
