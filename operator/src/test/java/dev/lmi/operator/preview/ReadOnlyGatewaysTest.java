package dev.lmi.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.operator.aws.AliasGateway;
import dev.lmi.operator.aws.CapacityProviderGateway;
import dev.lmi.operator.aws.FunctionGateway;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.aws.NetworkGateway;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planning cannot write: every write of the read-only gateways throws before reaching AWS. */
class ReadOnlyGatewaysTest {
  private final List<String> reached = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private <T> T recording(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              reached.add(method.getName());
              return switch (method.getReturnType().getSimpleName()) {
                case "Optional" -> java.util.Optional.empty();
                case "List" -> List.of();
                case "Map" -> Map.of();
                case "Set" -> Set.of();
                default -> null;
              };
            });
  }

  private Gateways readOnly() {
    return ReadOnlyGateways.of(
        new Gateways(
            recording(CapacityProviderGateway.class),
            recording(FunctionGateway.class),
            recording(AliasGateway.class),
            recording(NetworkGateway.class)));
  }

  @Test
  void refusesEveryWriteWithoutCallingTheGateway() {
    var gw = readOnly();
    List<Runnable> writes =
        List.of(
            () -> gw.functions().create("f", null, null, Map.of(), "d"),
            () -> gw.functions().updateSettings("f", null),
            () -> gw.functions().updateCode("f", null, "arm64"),
            () -> gw.functions().publish("f", "d"),
            () -> gw.functions().deleteVersion("f", "1"),
            () -> gw.functions().delete("f"),
            () -> gw.functions().tag("arn", Map.of()),
            () -> gw.aliases().create("f", "live", "1"),
            () -> gw.aliases().update("f", "live", "1"),
            () -> gw.aliases().delete("f", "live"),
            () -> gw.aliases().putScaling("f", "1", 1, 1),
            () -> gw.providers().create("p", null, null, Map.of()),
            () -> gw.providers().update("p", null),
            () -> gw.providers().delete("p"),
            () -> gw.providers().tag("arn", Map.of()),
            () -> gw.network().createEndpoint(null),
            () -> gw.network().deleteEndpoints(List.of("vpce-1"), Set.of()));
    for (var write : writes) {
      assertThatThrownBy(write::run).isInstanceOf(ReadOnlyGateways.WriteRefused.class);
    }
    assertThat(reached).isEmpty();
  }

  @Test
  void passesEveryReadThrough() {
    var gw = readOnly();
    gw.functions().get("f");
    gw.functions().version("f", "1");
    gw.functions().publishedVersions("f");
    gw.aliases().get("f", "live");
    gw.aliases().scaling("f", "1");
    gw.providers().get("p");
    gw.providers().attachedVersions("p");
    gw.providers().tags("arn");
    gw.network().subnets(List.of());
    gw.network().endpointServices("vpc");
    assertThat(reached)
        .containsExactly(
            "get",
            "version",
            "publishedVersions",
            "get",
            "scaling",
            "get",
            "attachedVersions",
            "tags",
            "subnets",
            "endpointServices");
  }
}
