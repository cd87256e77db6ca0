package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.SecurityGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** DescribeSecurityGroups and DescribeAvailabilityZones. */
final class Ec2GroupsAndZones {
  private static final Set<String> GROUP_FILTERS =
      Set.of("group-id", "group-name", "vpc-id", "description", "owner-id");
  private static final Set<String> ZONE_FILTERS =
      Set.of("zone-name", "zone-id", "state", "region-name", "zone-type");
  private final Ec2State s;

  Ec2GroupsAndZones(Ec2State state) {
    this.s = state;
  }

  String securityGroups(QueryParams q) {
    var f = q.filters();
    Filters.check(f, GROUP_FILTERS);
    var ids = q.list("GroupId");
    var known = s.fixture.securityGroups().stream().map(SecurityGroup::groupId).toList();
    Ec2State.requireAll(ids, known, "InvalidGroup.NotFound", "security group");
    var names = q.list("GroupName");
    var x = new Xml().open("securityGroupInfo");
    for (var g : s.fixture.securityGroups()) {
      if ((ids.isEmpty() || ids.contains(g.groupId()))
          && (names.isEmpty() || names.contains(g.groupName()))
          && Filters.matches(f, g.tags(), n -> attribute(g, n))) {
        write(x, g);
      }
    }
    return x.close("securityGroupInfo").toString();
  }

  private List<String> attribute(SecurityGroup g, String name) {
    return switch (name) {
      case "group-id" -> List.of(g.groupId());
      case "group-name" -> List.of(g.groupName());
      case "vpc-id" -> List.of(g.vpcId());
      case "description" -> List.of(g.description());
      default -> List.of(s.accountId);
    };
  }

  private void write(Xml x, SecurityGroup g) {
    x.open("item").leaf("ownerId", s.accountId).leaf("groupId", g.groupId());
    x.leaf("groupName", g.groupName()).leaf("groupDescription", g.description());
    x.leaf("vpcId", g.vpcId()).raw("<ipPermissions/>");
    x.open("ipPermissionsEgress").open("item").leaf("ipProtocol", "-1");
    x.open("ipRanges").open("item").leaf("cidrIp", "0.0.0.0/0").close("item").close("ipRanges");
    x.close("item").close("ipPermissionsEgress").tags(g.tags()).close("item");
  }

  String availabilityZones(QueryParams q) {
    var f = q.filters();
    Filters.check(f, ZONE_FILTERS);
    var zones = new TreeSet<>(List.of(s.region + "a", s.region + "b", s.region + "c"));
    s.fixture.subnets().forEach(sn -> zones.add(sn.availabilityZone()));
    var names = q.list("ZoneName");
    var x = new Xml().open("availabilityZoneInfo");
    for (var z : zones) {
      if ((names.isEmpty() || names.contains(z)) && Filters.matches(f, Map.of(), n -> zone(z, n))) {
        x.open("item").leaf("zoneName", z).leaf("zoneState", "available");
        x.leaf("regionName", s.region).leaf("zoneId", s.zoneId(z));
        x.leaf("zoneType", "availability-zone").leaf("optInStatus", "opt-in-not-required");
        x.leaf("groupName", s.region).leaf("networkBorderGroup", s.region);
        x.raw("<messageSet/>").close("item");
      }
    }
    return x.close("availabilityZoneInfo").toString();
  }

  private List<String> zone(String zone, String name) {
    return switch (name) {
      case "zone-name" -> List.of(zone);
      case "zone-id" -> List.of(s.zoneId(zone));
      case "state" -> List.of("available");
      case "region-name" -> List.of(s.region);
      default -> List.of("availability-zone");
    };
  }
}
