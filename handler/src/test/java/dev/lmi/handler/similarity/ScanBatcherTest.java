package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ScanBatcherTest {

  private final Random random = new Random(5);
  private final FlatIndex flat = new FlatIndex(FlatIndexTest.randomUnitRows(random, 5_000, 32), 32);
  private final QuantizedIndex quantised = new QuantizedIndex(flat);

  @Test
  void aLoneQueryStartsItsScanAtOnce() {
    var executor = new ManualExecutor();
    var batcher = new ScanBatcher(quantised, executor, 2);
    var result = batcher.submit(query(), 5);
    assertThat(executor.tasks).hasSize(2);
    executor.runAll();
    assertThat(result).isCompleted();
  }

  @Test
  void queriesArrivingDuringAScanAreAnsweredTogetherByTheNextOne() throws Exception {
    var executor = new ManualExecutor();
    var recording = new Recording(quantised);
    var batcher = new ScanBatcher(recording, executor, 1);
    var queries = new ArrayList<float[]>();
    var results = new ArrayList<CompletableFuture<TopK>>();
    for (var i = 0; i < 9; i++) {
      queries.add(query());
      results.add(batcher.submit(queries.get(i), 3 + i));
    }
    assertThat(executor.tasks).hasSize(1);
    executor.runAll();
    assertThat(recording.batches).containsExactly(1, 8);
    for (var i = 0; i < 9; i++) {
      var expected = flat.search(queries.get(i), 3 + i);
      assertThat(results.get(i).get().rows()).containsExactly(expected.rows());
    }
  }

  @Test
  void aBatchHoldsAtMostMaxBatchQueries() {
    var executor = new ManualExecutor();
    var recording = new Recording(flat);
    var batcher = new ScanBatcher(recording, executor, 1);
    var count = 1 + 2 * ScanBatcher.MAX_BATCH + 10;
    for (var i = 0; i < count; i++) {
      batcher.submit(query(), 1);
    }
    executor.runAll();
    assertThat(recording.batches).allMatch(size -> size <= ScanBatcher.MAX_BATCH);
    assertThat(recording.batches).contains(ScanBatcher.MAX_BATCH);
    assertThat(recording.batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
  }

  @Test
  void manyCallersInFlightAlternateInTwoHalvesTheNextQueuedBeforeTheRunningScanAnswers()
      throws Exception {
    var executor = new ManualExecutor();
    var recording = new Recording(quantised);
    var batcher = new ScanBatcher(recording, executor, 1);
    var first = batcher.submit(query(), 3);
    var callers = ScanBatcher.PIPELINED + 8;
    var results = new ArrayList<CompletableFuture<TopK>>();
    for (var i = 1; i < callers; i++) {
      results.add(batcher.submit(query(), 3));
    }
    recording.probe = first::isDone;
    executor.tasks.poll().run();
    assertThat(recording.batches).containsExactly(1, callers / 2);
    assertThat(recording.probes).containsExactly(false);
    assertThat(first).isCompleted();
    executor.runAll();
    assertThat(recording.batches).containsExactly(1, callers / 2, callers / 2 - 1);
    for (var result : results) {
      assertThat(result.get().rows()).hasSize(3);
    }
  }

  @Test
  void aFailedScanFailsItsQueriesAndTheNextScanStillRuns() {
    var executor = new ManualExecutor();
    var failing = new Recording(flat);
    var batcher = new ScanBatcher(failing, executor, 2);
    failing.fail.set(true);
    var first = batcher.submit(query(), 2);
    var second = batcher.submit(query(), 2);
    executor.runAll();
    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompletedExceptionally();
    failing.fail.set(false);
    var third = batcher.submit(query(), 2);
    executor.runAll();
    assertThat(third).isCompleted().isNotCompletedExceptionally();
  }

  @Test
  void manyThreadsAtOnceEachGetTheirOwnExactAnswer() throws Exception {
    try (var pool = SimilaritySearch.sharedExecutor(2);
        var callers = Executors.newFixedThreadPool(16)) {
      var batcher = new ScanBatcher(quantised, pool, 2);
      var checks = new ArrayList<CompletableFuture<Void>>();
      for (var i = 0; i < 48; i++) {
        var q = query();
        var k = 1 + i % 20;
        checks.add(
            CompletableFuture.runAsync(
                () -> {
                  var top = batcher.submit(q, k).join();
                  assertThat(top.rows()).containsExactly(flat.search(q, k).rows());
                },
                callers));
      }
      CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void manyCallersInAClosedLoopThroughTheHalvesEachGetTheirOwnExactAnswer() throws Exception {
    var callers = 2 * ScanBatcher.PIPELINED;
    var rounds = 6;
    var queries = new float[callers * rounds][];
    for (var i = 0; i < queries.length; i++) {
      queries[i] = query();
    }
    try (var pool = SimilaritySearch.sharedExecutor(2);
        var threads = Executors.newFixedThreadPool(callers)) {
      var batcher = new ScanBatcher(quantised, pool, 2);
      var loops = new ArrayList<CompletableFuture<Void>>();
      for (var c = 0; c < callers; c++) {
        var caller = c;
        loops.add(
            CompletableFuture.runAsync(
                () -> {
                  for (var r = 0; r < rounds; r++) {
                    var q = queries[caller * rounds + r];
                    var k = 1 + (caller + r) % 12;
                    var top = batcher.submit(q, k).join();
                    assertThat(top.rows()).containsExactly(flat.search(q, k).rows());
                  }
                },
                threads));
      }
      CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      var scansAndQueries = batcher.scansAndQueries();
      assertThat(scansAndQueries[1]).isEqualTo(queries.length);
      assertThat(scansAndQueries[0]).as("scans shared").isLessThan(queries.length / 4);
    }
  }

  @Test
  void aTwoStageScanAnswersAfterItsLastPassAndOnlyThenStartsTheNextBatch() throws Exception {
    var skewed = new FlatIndex(Adversarial.anisotropic(random, 5_000, 32), 32);
    var executor = new ManualExecutor();
    var batcher = new ScanBatcher(PrefixIndexTest.prefixIndex(skewed, 4), executor, 2);
    var queries = new float[][] {query(), query()};
    var first = batcher.submit(queries[0], 5);
    var second = batcher.submit(queries[1], 7);
    assertThat(executor.tasks).hasSize(2);
    executor.tasks.poll().run();
    executor.tasks.poll().run();
    assertThat(executor.tasks).as("the second pass, split in two").hasSize(2);
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    executor.tasks.poll().run();
    executor.tasks.poll().run();
    assertThat(first).isCompleted();
    assertThat(second).isNotDone();
    executor.runAll();
    assertThat(first.get().rows()).containsExactly(skewed.search(queries[0], 5).rows());
    assertThat(second.get().rows()).containsExactly(skewed.search(queries[1], 7).rows());
  }

  @Test
  void onTheTwoStagePathManyCallersStayInOneBatchWhoseStageTwoReadsSharedRowsOnce() {
    var skewed = new FlatIndex(Adversarial.anisotropic(random, 5_000, 32), 32);
    var executor = new ManualExecutor();
    var recording = new Recording(PrefixIndexTest.prefixIndex(skewed, 4));
    var batcher = new ScanBatcher(recording, executor, 1);
    var callers = ScanBatcher.PIPELINED + 8;
    for (var i = 0; i < callers; i++) {
      batcher.submit(query(), 3);
    }
    executor.runAll();
    assertThat(recording.batches).containsExactly(1, callers - 1);
  }

  @Test
  void manyThreadsOnTheTwoStagePathEachGetTheirOwnExactAnswer() throws Exception {
    var skewed = new FlatIndex(Adversarial.anisotropic(random, 6_000, 32), 32);
    var prefix = PrefixIndexTest.prefixIndex(skewed, 8);
    try (var pool = SimilaritySearch.sharedExecutor(2);
        var callers = Executors.newFixedThreadPool(16)) {
      var batcher = new ScanBatcher(prefix, pool, 2);
      var checks = new ArrayList<CompletableFuture<Void>>();
      for (var i = 0; i < 64; i++) {
        var q =
            i % 2 == 0 ? query() : java.util.Arrays.copyOfRange(skewed.data(), i * 32, i * 32 + 32);
        var k = 1 + i % 20;
        checks.add(
            CompletableFuture.runAsync(
                () -> {
                  var top = batcher.submit(q, k).join();
                  assertThat(top.rows()).containsExactly(prefix.search(q, k).rows());
                  assertThat(top.scores()).containsExactly(skewed.search(q, k).scores());
                },
                callers));
      }
      CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void aShutDownPoolStillAnswersOnTheCallingThread() throws Exception {
    var pool = SimilaritySearch.sharedExecutor(2);
    pool.shutdown();
    var q = query();
    var top = new ScanBatcher(quantised, pool, 2).submit(q, 4).get(10, TimeUnit.SECONDS);
    assertThat(top.rows()).containsExactly(flat.search(q, 4).rows());
  }

  @Test
  void aQueryOfTheWrongDimensionFailsOnlyItself() {
    var executor = new ManualExecutor();
    var batcher = new ScanBatcher(quantised, executor, 1);
    var bad = batcher.submit(new float[3], 2);
    executor.runAll();
    assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class);
    var good = batcher.submit(query(), 2);
    executor.runAll();
    assertThat(good).isCompleted().isNotCompletedExceptionally();
  }

  private float[] query() {
    return VectorMath.normalised(FlatIndexTest.randomRow(random, 32));
  }

  /** Runs tasks only when told: what was dispatched, and when, is visible. */
  static final class ManualExecutor extends AbstractExecutorService {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }

    @Override
    public void execute(Runnable command) {
      tasks.add(command);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  /** Records each batch's size; can be told to fail its scans. */
  static final class Recording implements ExactSearch {
    final List<Integer> batches = new ArrayList<>();
    final List<Boolean> probes = new ArrayList<>();
    java.util.function.BooleanSupplier probe;
    final AtomicBoolean fail = new AtomicBoolean();
    private final ExactSearch search;

    Recording(ExactSearch search) {
      this.search = search;
    }

    @Override
    public int size() {
      return search.size();
    }

    @Override
    public String path() {
      return search.path();
    }

    @Override
    public boolean halves() {
      return search.halves();
    }

    @Override
    public RowScan<?> scan(float[][] queries, int[] ks) {
      batches.add(queries.length);
      if (probe != null && batches.size() > 1) {
        probes.add(probe.getAsBoolean());
      }
      return failing(search.scan(queries, ks));
    }

    private <P> RowScan<P> failing(RowScan<P> scan) {
      return new RowScan<>() {
        @Override
        public int rows() {
          return scan.rows();
        }

        @Override
        public int grain() {
          return scan.grain();
        }

        @Override
        public P start() {
          return scan.start();
        }

        @Override
        public void scan(P part, int from, int to) {
          if (fail.get()) {
            throw new IllegalStateException("scan failed");
          }
          scan.scan(part, from, to);
        }

        @Override
        public TopK[] finish(List<P> parts) {
          return scan.finish(parts);
        }
      };
    }
  }
}
