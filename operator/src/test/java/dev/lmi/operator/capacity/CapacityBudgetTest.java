package dev.lmi.operator.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityBudgetTest {

  private static ObservedVersion v(String version, VersionState state, int min, Integer max) {
    return new ObservedVersion(version, state, min, max);
  }

  @ParameterizedTest(name = "{0} MiB at {1} GiB/vCPU: {2} vCPUs")
  @CsvSource({
    "2048, 2, 1",
    "4096, 2, 2",
    "6144, 2, 3",
    "32768, 2, 16",
    "8192, 4, 2",
    "32768, 8, 4",
    "2048, 4, 1",
    "12288, 8, 2",
    "2096, 4, 1"
  })
  void anEnvironmentHasMemoryOverTheRatioVCpus(int memoryMiB, int ratio, int vcpus) {
    assertThat(CapacityBudget.vCpuPerEnvironment(memoryMiB, ratio)).isEqualTo(vcpus);
  }

  @ParameterizedTest(name = "{0} {1}..{2}: {3} at min, {4} at max")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
          ACTIVE,       3, 10, 3, 10
          ACTIVE,       3, -,  3, -
          ACTIVE,       0, 5,  1, 5
          ACTIVE,       0, 0,  0, 0
          ACTIVE,       5, 3,  5, 5
          PENDING,      3, -,  3, -
          DEACTIVATING, 0, 0,  0, 0
          DEACTIVATING, 2, 4,  2, 4
          DEACTIVATED,  3, 3,  0, 0
          FAILED,       3, 3,  0, 0
          DELETING,     3, 3,  0, 0
          OTHER,        3, 3,  0, 0
          """)
  void aVersionHoldsItsMinimumWhileItStartsServesOrWindsDown(
      VersionState state, int min, Integer max, int atMin, Integer atMax) {
    var version = v("4", state, min, max);

    assertThat(version.environmentsAtMin()).isEqualTo(atMin);
    assertThat(version.environmentsAtMax()).isEqualTo(atMax);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Pending, PENDING", "Active, ACTIVE", "Deactivating, DEACTIVATING",
    "Deactivated, DEACTIVATED", "Failed, FAILED", "Deleting, DELETING",
    "ActiveNonInvocable, OTHER", "Inactive, OTHER", "SomethingNew, OTHER"
  })
  void readsLambdasWordsForVersionStates(String aws, VersionState state) {
    assertThat(VersionState.of(aws)).isEqualTo(state);
  }

  @Test
  void aFunctionHoldsEveryVersionThatHoldsEnvironments() {
    var load =
        new FunctionLoad(
            "orders/list-orders",
            2,
            List.of(
                v("1", VersionState.DEACTIVATED, 0, 0),
                v("2", VersionState.FAILED, 3, 10),
                v("3", VersionState.ACTIVE, 3, 3), // retained, not yet scaled to zero
                v("4", VersionState.ACTIVE, 3, 10), // the alias's
                v("5", VersionState.PENDING, 3, 10))); // a canary

    var capacity = CapacityBudget.function(load);

    assertThat(capacity).isEqualTo(new FunctionCapacity(2, 9, 18, 46L, 3));
    assertThat(capacity.toStatus().getvCpuAtMax()).isEqualTo(46);
  }

  @Test
  void aWarmVersionWithoutMaximumLeavesTheFunctionsMaximumUnbounded() {
    var load =
        new FunctionLoad(
            "f",
            1,
            List.of(v("4", VersionState.ACTIVE, 3, 10), v("5", VersionState.PENDING, 3, null)));

    assertThat(CapacityBudget.function(load).vCpuAtMax()).isNull();
    assertThat(CapacityBudget.function(load).toStatus().getvCpuAtMax()).isNull();
  }

  @Test
  void aProviderAddsUpItsFunctionsAgainstItsCeiling() {
    var orders = new FunctionLoad("orders/a", 1, List.of(v("4", VersionState.ACTIVE, 3, 10)));
    var search =
        new FunctionLoad(
            "search/b",
            4,
            List.of(v("7", VersionState.ACTIVE, 2, 6), v("6", VersionState.ACTIVE, 3, 3)));

    var provider = CapacityBudget.provider(100, List.of(orders, search));

    assertThat(provider).isEqualTo(new ProviderCapacity(23, 46L, 100, 3, 2));
    assertThat(provider.summary()).isEqualTo("23/46/100");
    assertThat(provider.freeAtMin()).isEqualTo(77);
    var status = provider.toStatus();
    assertThat(status.getSummary()).isEqualTo("23/46/100");
    assertThat(status.getWarmVersions()).isEqualTo(3);
    assertThat(status.getFunctions()).isEqualTo(2);
  }

  @Test
  void aProviderWithoutCeilingHasAwsDefaultOf400AndSaysWhenAMaximumIsUnbounded() {
    var load = new FunctionLoad("f", 1, List.of(v("1", VersionState.ACTIVE, 3, null)));

    var provider = CapacityBudget.provider(null, List.of(load));

    assertThat(provider.maxVCpuCount()).isEqualTo(400);
    assertThat(provider.summary()).isEqualTo("3/unbounded/400");
    assertThat(CapacityBudget.provider(null, List.of()).summary()).isEqualTo("0/0/400");
  }

  @ParameterizedTest(name = "held {0} + {1} × {2} on {3}: exceeded {4}")
  @CsvSource({
    "94, 3, 2, 100, false", // exactly the ceiling
    "95, 3, 2, 100, true",
    "0, 3, 16, 48, false",
    "0, 3, 16, 47, true",
    "0, 15000, 16, 15000, true" // no overflow on the largest inputs
  })
  void theGateWaitsWhileHeldPlusNewPassesTheCeiling(
      long held, int environments, int vcpus, int ceiling, boolean exceeded) {
    var provider = new ProviderCapacity(held, null, ceiling, 4, 3);

    var gate =
        CapacityBudget.wouldExceed(
            provider, "orders-pool", "publishing a new version", vcpus, environments);

    assertThat(gate.exceeded()).isEqualTo(exceeded);
    assertThat(gate.neededVCpus()).isEqualTo((long) environments * vcpus);
    assertThat(gate.message().isEmpty()).isEqualTo(!exceeded);
  }

  @Test
  void theGateSaysTheFiguresAndTheRemedies() {
    var provider = new ProviderCapacity(96, 180L, 100, 30, 12);

    var gate =
        CapacityBudget.wouldExceed(provider, "orders-pool", "publishing a new version", 2, 3);

    assertThat(gate.message())
        .isEqualTo(
            "publishing a new version needs 3 execution environments × 2 vCPUs = 6 vCPUs, but"
                + " CapacityProvider orders-pool holds 96 of its 100 vCPUs (maxVCpuCount) at minimum"
                + " (30 warm versions of 12 functions): raise spec.scaling.maxVCpuCount of"
                + " CapacityProvider orders-pool to at least 102, lower minExecutionEnvironments (of"
                + " this function or another on the provider), or move the function to another"
                + " CapacityProvider; it proceeds once there is room");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0, 3", "1, 3", "3, 3", "4, 4", "100, 100"})
  void aPublishStartsThreeEnvironmentsOrTheMinimumInForce(int min, int environments) {
    assertThat(CapacityBudget.environmentsToPublish(min)).isEqualTo(environments);
  }

  @Test
  void aReactivationStartsTheMinimumAndAtLeastOne() {
    assertThat(CapacityBudget.environmentsToReactivate(0)).isEqualTo(1);
    assertThat(CapacityBudget.environmentsToReactivate(5)).isEqualTo(5);
  }

  @ParameterizedTest(name = "own {0}..{1}, provider at min {2}, ceiling {3}: warns {4}")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
          3, 10,  3,  10,  false
          3, 10,  3,  9,   true
          3, 10,  50, 56,  true
          3, 10,  50, 57,  false
          3, 10,  50, 100, false
          3, -,   50, 51,  false
          """)
  void warnsWhenTheMaximumCannotBeReachedNextToTheOthersMinimum(
      long ownMin, Long ownMax, long providerMin, int ceiling, boolean warns) {
    var function = new FunctionCapacity(1, ownMin, ownMin, ownMax, 1);
    var provider = new ProviderCapacity(providerMin, null, ceiling, 2, 2);

    assertThat(CapacityBudget.maxBeyondCeiling(function, provider, "p").isPresent())
        .isEqualTo(warns);
  }

  @Test
  void theMaximumWarningSaysWhatTheFunctionCanReach() {
    var function = new FunctionCapacity(4, 3, 12, 200L, 1);
    var provider = new ProviderCapacity(88, null, 100, 5, 4);

    assertThat(CapacityBudget.maxBeyondCeiling(function, provider, "orders-pool"))
        .hasValue(
            "at its maximum this function holds 200 vCPUs, but CapacityProvider orders-pool leaves"
                + " it 24 of its 100 (the other functions hold 76 at their minimum), about 6"
                + " execution environments of 4 vCPUs: raise maxVCpuCount of the provider or lower"
                + " maxExecutionEnvironments");
  }

  @Test
  void warnsWhenTheMaximaTogetherPassTheCeiling() {
    assertThat(CapacityBudget.oversubscribed(new ProviderCapacity(12, 180L, 100, 4, 3)))
        .hasValue(
            "the maxima of the 3 functions add up to 180 vCPUs, more than maxVCpuCount 100: they"
                + " cannot all scale to their maximum at once");
    assertThat(CapacityBudget.oversubscribed(new ProviderCapacity(12, 100L, 100, 4, 3))).isEmpty();
    assertThat(CapacityBudget.oversubscribed(new ProviderCapacity(12, null, 100, 4, 3))).isEmpty();
  }
}
