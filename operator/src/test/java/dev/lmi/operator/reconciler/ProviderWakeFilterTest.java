package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.Resources;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Which provider updates wake the provider's functions, and which are its own bookkeeping. */
class ProviderWakeFilterTest {

  private static CapacityProvider provider(Outcome outcome, Integer attached) {
    var cp = Resources.provider("p", "orders");
    cp.getMetadata().setGeneration(1L);
    var st = new CapacityProviderStatus();
    st.setArn("arn:aws:lambda:us-east-1:123456789012:capacity-provider:p");
    st.setRegion("us-east-1");
    st.setAttachedVersions(attached);
    st.setConditions(Conditions.ready(null, outcome, 1, Clock.systemUTC()));
    cp.setStatus(st);
    return cp;
  }

  @Test
  void anAttachedVersionsCountChangeDoesNotWakeFunctions() {
    var before = provider(Outcome.ready("3 attached", null), 3);
    var now = provider(Outcome.ready("4 attached", null), 4);
    assertThat(ProviderEvents.concernsFunctions(now, before)).isFalse();
  }

  @Test
  void becomingReadyWakesFunctions() {
    var before = provider(Outcome.waiting(Reason.Provisioning, "Pending", null), null);
    var now = provider(Outcome.ready("Active", null), 0);
    assertThat(ProviderEvents.concernsFunctions(now, before)).isTrue();
  }

  @Test
  void aSpecChangeWakesFunctions() {
    var before = provider(Outcome.ready("Active", null), 0);
    var now = provider(Outcome.ready("Active", null), 0);
    now.getMetadata().setGeneration(2L);
    assertThat(ProviderEvents.concernsFunctions(now, before)).isTrue();
  }

  @Test
  void aDeletionWakesFunctions() {
    var before = provider(Outcome.ready("Active", null), 0);
    var now = provider(Outcome.ready("Active", null), 0);
    now.getMetadata().setDeletionTimestamp("2026-11-23T10:00:00Z");
    assertThat(ProviderEvents.concernsFunctions(now, before)).isTrue();
  }
}
