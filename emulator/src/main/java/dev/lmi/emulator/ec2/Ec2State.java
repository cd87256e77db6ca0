package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.RouteTable;
import dev.lmi.emulator.ec2.Ec2Fixture.VpcEndpoint;
import dev.lmi.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/** The live EC2 resources: fixture contents plus endpoints (and their routes) created since. */
public final class Ec2State {
  final String region;
  final String accountId;
  final Ec2Fixture fixture;
  final List<RouteTable> routeTables;
  final List<VpcEndpoint> endpoints;

  public Ec2State(String region, String accountId, Ec2Fixture fixture) {
    this.region = region;
    this.accountId = accountId;
    this.fixture = fixture;
    this.routeTables = new ArrayList<>(fixture.routeTables());
    this.endpoints = new ArrayList<>(fixture.vpcEndpoints());
  }

  static ApiException notFound(String code, String message) {
    return new ApiException(400, code, message);
  }

  /** The ids that do not exist among the known ones, reported like EC2 (all in one message). */
  static void requireAll(List<String> wanted, List<String> known, String code, String what) {
    var missing = wanted.stream().filter(id -> !known.contains(id)).toList();
    if (missing.size() == 1) {
      throw notFound(code, "The " + what + " '" + missing.get(0) + "' does not exist");
    }
    if (!missing.isEmpty()) {
      throw notFound(code, "The " + what + "s '" + String.join(", ", missing) + "' do not exist");
    }
  }

  String zoneId(String zoneName) {
    var parts = region.split("-");
    var prefix = parts[0] + parts[1].charAt(0) + parts[2];
    return prefix + "-az" + (zoneName.charAt(zoneName.length() - 1) - 'a' + 1);
  }
}
