package dev.lmi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.sandbox.kube.KubeOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing the sandbox starts can be reached from another machine: the local mode runs on laptops on
 * shared networks, with an API server that accepts any token and AWS stand-ins that accept any
 * keys. Read from the kernel's table of listening sockets, so an all-interfaces bind cannot hide.
 */
class SandboxListensOnLoopbackOnlyIT {
  private static final Path TCP = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");

  @Test
  void everyServerListensOnTheLoopbackInterfaceOnly() throws IOException {
    assumeTrue(Files.isReadable(TCP), "needs Linux's /proc/net/tcp");
    try (var sandbox =
        Sandbox.withDynamoDb(
            KubeOptions.kubectl(0).withCrdsFrom(Path.of("..", "crds")),
            EmulatorConfig.defaults())) {
      var ports =
          Map.of(
              "the kubectl front", sandbox.kube().url().getPort(),
              "the mock API server", sandbox.kube().mockServer().getPort(),
              "the emulator", sandbox.emulator().endpoint().getPort(),
              "DynamoDB Local", sandbox.dynamoDb().endpoint().getPort());
      for (var server : ports.entrySet()) {
        var addresses = listening(server.getValue());
        assertThat(addresses).as("%s is listening", server.getKey()).isNotEmpty();
        assertThat(addresses)
            .as("%s listens on %s", server.getKey(), addresses)
            .allMatch(InetAddress::isLoopbackAddress);
      }
    }
  }

  /** The local addresses of the sockets listening on the port, IPv4 and IPv6. */
  private static List<InetAddress> listening(int port) throws IOException {
    var found = new ArrayList<InetAddress>();
    for (var table : List.of(TCP, TCP6)) {
      if (!Files.isReadable(table)) {
        continue;
      }
      var lines = Files.readAllLines(table);
      for (var line : lines.subList(1, lines.size())) {
        var fields = line.trim().split("\\s+");
        var local = fields[1].split(":");
        if (fields[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
          found.add(address(local[0]));
        }
      }
    }
    return found;
  }

  /** The kernel prints each 32-bit word of the address in host (little-endian) order. */
  private static InetAddress address(String hex) throws IOException {
    var bytes = HexFormat.of().parseHex(hex);
    for (var word = 0; word < bytes.length; word += 4) {
      for (var i = 0; i < 2; i++) {
        var b = bytes[word + i];
        bytes[word + i] = bytes[word + 3 - i];
        bytes[word + 3 - i] = b;
      }
    }
    return InetAddress.getByAddress(bytes);
  }
}
