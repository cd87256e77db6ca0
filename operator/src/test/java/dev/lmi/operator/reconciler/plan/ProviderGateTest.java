package dev.lmi.operator.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProviderGateTest {
  private static final Clock AT =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Pace S = dev.lmi.operator.reconciler.OperatorSettings.defaults().pace();

  private static dev.lmi.operator.api.CapacityProvider readyProvider(String... namespaces) {
    var cp = Resources.provider("p", namespaces);
    var st = new CapacityProviderStatus();
    st.setArn("arn:aws:lambda:us-east-1:123456789012:capacity-provider:p");
    st.setConditions(Conditions.ready(null, Outcome.ready("ok", null), 1, AT));
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
            Conditions.ready(null, Outcome.waiting(Reason.Provisioning, "", null), 1, AT));
    var out = ProviderGate.check(Resources.function("orders", "f", "p"), cp, S);
    assertThat(out.reason()).isEqualTo(Reason.WaitingForProvider);
    assertThat(out.message()).contains("Provisioning");
  }

  @Test
  void refusesARoleOrCodeOutsideTheProvidersTenancyAndANarrowingAppliesAtOnce() {
    var cp = readyProvider("orders");
    var tenancy = new dev.lmi.operator.api.TenancySpec();
    tenancy.setRoleArnPatterns(java.util.List.of("arn:aws:iam::123456789012:role/list-*"));
    tenancy.setCodePatterns(java.util.List.of("s3://artifacts/orders/*"));
    cp.getSpec().setTenancy(tenancy);
    var fn = Resources.function("orders", "f", "p");
    assertThat(ProviderGate.check(fn, cp, S)).isNull();

    fn.getSpec().setRoleArn("arn:aws:iam::123456789012:role/admin");
    var role = ProviderGate.check(fn, cp, S);
    assertThat(role.reason()).isEqualTo(Reason.TenancyViolation);
    assertThat(role.message()).contains("spec.roleArn", "role/admin", "tenancy.roleArnPatterns");

    // The provider's Ready status is unchanged: its spec alone closes the door.
    var running = Resources.function("orders", "f", "p");
    tenancy.setCodePatterns(java.util.List.of("s3://artifacts/orders/v2/*"));
    var code = ProviderGate.check(running, cp, S);
    assertThat(code.reason()).isEqualTo(Reason.TenancyViolation);
    assertThat(code.message()).contains("spec.code.s3", "s3://artifacts/orders/handler.jar");
  }

  @Test
  void aProviderWhoseSpecThisOperatorCannotReadAllowsNothing() {
    var cp = readyProvider("orders");
    cp.readIssues(
        new dev.lmi.operator.api.ReadIssues(
            java.util.List.of(), java.util.List.of("spec.tenancy.layerPatterns: not known")));
    var out = ProviderGate.check(Resources.function("orders", "f", "p"), cp, S);
    assertThat(out.reason()).isEqualTo(Reason.WaitingForProvider);
    assertThat(out.message()).contains("cannot read");
  }

  @Test
  void aProviderThatRefusedACreateOnlyChangeServesOnTheArchitectureAwsHas() {
    var cp = readyProvider("orders");
    cp.getSpec().getInstanceRequirements().setArchitecture(Architecture.X86_64);
    cp.getStatus().setState("Active");
    cp.getStatus().setArchitecture("arm64");
    var refused = Outcome.terminal(Reason.CreateOnlyFieldChanged, "architecture arm64 → x86_64");
    cp.getStatus().setConditions(Conditions.ready(null, refused, 2, AT));

    assertThat(ProviderGate.check(Resources.function("orders", "f", "p"), cp, S)).isNull();
    var x86 = Resources.function("orders", "f", "p");
    x86.getSpec().setArchitecture(Architecture.X86_64);
    assertThat(ProviderGate.check(x86, cp, S).reason()).isEqualTo(Reason.ArchitectureMismatch);
  }
}
