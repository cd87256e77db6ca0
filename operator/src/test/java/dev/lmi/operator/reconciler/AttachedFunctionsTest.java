package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DeletionBlocked message: who holds a capacity provider AWS refused to delete (the transition
 * ProviderBehaviourIT.deletingAProviderWaitsForItsFunctionsAndNamesThemThenRemovesIt drives).
 */
class AttachedFunctionsTest {
  private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:";

  @Test
  void namesTheLmiFunctionsAndTheFunctionsNoObjectHereManagesWithTheirVersionCounts() {
    var attached = List.of(FN + "orders-list-orders:1", FN + "made-by-hand:1");
    var message =
        AttachedFunctions.describe(
            "orders-pool", attached, Map.of("orders-list-orders", "orders/list-orders"));
    assertThat(message)
        .contains(
            "2 function version(s)",
            "delete LmiFunction orders/list-orders (1)",
            "no LmiFunction here manages: made-by-hand (1)");
  }

  @Test
  void countsTheVersionsOfOneFunctionAndNamesAtMostTwentyFunctions() {
    var attached = new ArrayList<>(List.of(FN + "a:1", FN + "a:2"));
    for (var i = 0; i < 25; i++) {
      attached.add(FN + "hand-" + (char) ('a' + i) + ":1");
    }
    var message = AttachedFunctions.describe("p", attached, Map.of("a", "orders/a"));
    assertThat(message)
        .contains("27 function version(s)", "LmiFunction orders/a (2)", "and 5 more");
    assertThat(message).doesNotContain("hand-y");
  }
}
