package dev.lmi.emulator.http;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps web pages out: a request that carries an Origin header (sent by a browser) or names a host
 * other than loopback (DNS rebinding) is refused unless the configuration allows it by name. AWS
 * clients send neither, so they are unaffected.
 */
public final class RequestGuard {
  private final Set<String> origins;
  private final Set<String> hosts;

  public RequestGuard(List<String> origins, List<String> hosts, InetAddress bindAddress) {
    this.origins = lower(origins);
    var allowed =
        hosts.stream()
            .map(RequestGuard::hostName)
            .collect(Collectors.toCollection(java.util.HashSet::new));
    if (!bindAddress.isAnyLocalAddress() && !bindAddress.isLoopbackAddress()) {
      // Binding to one named address is an explicit choice of the host clients will name.
      var literal = bindAddress.getHostAddress();
      allowed.add(literal.contains(":") ? "[" + literal + "]" : literal);
    }
    this.hosts = allowed;
  }

  /** Why this request is refused, or empty when it may be served. */
  public Optional<String> refusal(Request request) {
    var origin = request.header("Origin");
    if (origin != null && !origins.contains("*") && !origins.contains(lowerCase(origin))) {
      return Optional.of(
          "lmi-emulator refuses requests from web pages (Origin: "
              + origin
              + "). Start it with --allowed-origin "
              + origin
              + " (EmulatorConfig.withAllowedOrigins) to serve that page.");
    }
    var host = request.header("Host");
    if (host != null && !hostAllowed(hostName(host))) {
      return Optional.of(
          "lmi-emulator serves loopback host names only (Host: "
              + host
              + "). Start it with --allowed-host "
              + hostName(host)
              + " (EmulatorConfig.withAllowedHosts) to serve that name.");
    }
    return Optional.empty();
  }

  private boolean hostAllowed(String name) {
    return name.equals("localhost")
        || name.equals("[::1]")
        || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || hosts.contains("*")
        || hosts.contains(name);
  }

  /** The host part of a Host header, lower-cased, without port or trailing dot. */
  static String hostName(String header) {
    var h = lowerCase(header.trim());
    var end = h.startsWith("[") ? h.indexOf(']') + 1 : h.indexOf(':');
    var name = end <= 0 ? h : h.substring(0, end);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static Set<String> lower(List<String> values) {
    return values.stream()
        .map(RequestGuard::lowerCase)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private static String lowerCase(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
