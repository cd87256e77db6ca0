package dev.lmi.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestGuardTest {
  private static Request from(String host, String origin) {
    var headers = new java.util.HashMap<String, List<String>>();
    headers.put("Host", List.of(host));
    if (origin != null) {
      headers.put("Origin", List.of(origin));
    }
    return Request.of("GET", "/", null, headers, new byte[0]);
  }

  private static RequestGuard guard(List<String> origins, List<String> hosts) throws Exception {
    return new RequestGuard(origins, hosts, InetAddress.getLoopbackAddress());
  }

  @Test
  void readsTheHostNameOutOfEveryHostHeaderSpelling() {
    var cases =
        Map.of(
            "[::1]:4566", "[::1]",
            "LOCALHOST.", "localhost",
            "127.0.0.1", "127.0.0.1",
            "Emulator.Test:80", "emulator.test");

    cases.forEach((header, name) -> assertThat(RequestGuard.hostName(header)).isEqualTo(name));
  }

  @Test
  void servesLoopbackNamesAndRefusesOthers() throws Exception {
    var guard = guard(List.of(), List.of());

    assertThat(guard.refusal(from("127.0.0.2:1", null))).isEmpty();
    assertThat(guard.refusal(from("localhost.:4566", null))).isEmpty();
    assertThat(guard.refusal(from("127.0.0.1.evil.example", null))).isPresent();
    assertThat(guard.refusal(from("localhost.evil.example", null))).isPresent();
  }

  @Test
  void allowedHostsMayBeGivenWithAPortAndAnyCase() throws Exception {
    var guard = guard(List.of(), List.of("Host.Docker.Internal:4566"));

    assertThat(guard.refusal(from("host.docker.internal:4566", null))).isEmpty();
    assertThat(guard.refusal(from("other.internal:4566", null))).isPresent();
  }

  @Test
  void anyOriginIsRefusedUnlessNamedOrStarred() throws Exception {
    assertThat(guard(List.of(), List.of()).refusal(from("localhost", "http://localhost:3000")))
        .isPresent();
    assertThat(
            guard(List.of("HTTP://localhost:3000"), List.of())
                .refusal(from("localhost", "http://localhost:3000")))
        .isEmpty();
    assertThat(guard(List.of("*"), List.of()).refusal(from("localhost", "null"))).isEmpty();
  }
}
