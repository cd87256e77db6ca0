package dev.lmi.operator.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.Resources;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ProviderGateTest {
  private static final Pace S = dev.lmi.operator.reconciler.OperatorSettings.defaults().pace();

  private static dev.lmi.operator.api.CapacityProvider readyProvider(String... namespaces) {
    var cp = Resources.provider("p", namespaces);
    var st = new CapacityProviderStatus();
    st.setArn("arn:aws:lambda:us-east-1:123456789012:capacity-provider:p");
    st.setConditions(Conditions.ready(null, Outcome.ready("ok", null), 1, Clock.systemUTC()));
    cp.setStatus(st);
    return cp;
  }

  @Test
  void waitsForAProviderThatDoesNotExistYet() {
    var out = ProviderGate.check(Resources.function("orders", "f", "p"), null, S);
    assertThat(out.reason()).isEqualTo(Reason.ProviderNotFound);
  }

  @Test
  void refusesANamespaceTheProviderDoesNotAllow() {
    var out = ProviderGate.check(Resources.function("other", "f", "p"), readyProvider("orders"), S);
    assertThat(out.reason()).isEqualTo(Reason.NamespaceNotAllowed);
    assertThat(out.message()).contains("does not allow namespace other");
  }

  @Test
  void aWildcardAllowsEveryNamespace() {
    assertThat(ProviderGate.check(Resources.function("other", "f", "p"), readyProvider("*"), S))
        .isNull();
  }

  @Test
  void refusesAnArchitectureThatDoesNotMatch() {
    var fn = Resources.function("orders", "f", "p");
    fn.getSpec().setArchitecture(Architecture.X86_64);
    var out = ProviderGate.check(fn, readyProvider("orders"), S);
    assertThat(out.reason()).isEqualTo(Reason.ArchitectureMismatch);
  }

  @Test
  void waitsWhileTheProviderIsNotReady() {
    var cp = readyProvider("orders");
    cp.getStatus()
        .setConditions(
            Conditions.ready(
                null, Outcome.waiting(Reason.Provisioning, "", null), 1, Clock.systemUTC()));
    var out = ProviderGate.check(Resources.function("orders", "f", "p"), cp, S);
    assertThat(out.reason()).isEqualTo(Reason.WaitingForProvider);
    assertThat(out.message()).contains("Provisioning");
  }
}
