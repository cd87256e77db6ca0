package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.SecurityGroup;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** DescribeSecurityGroups and DescribeAvailabilityZones. */
final class Ec2GroupsAndZones {
  private final Ec2State s;

  Ec2GroupsAndZones(Ec2State state) {
    this.s = state;
  }

  String securityGroups(QueryParams q) {
    var f = q.filters();
    Filters.check(f, Set.of("group-id", "group-name", "vpc-id", "description", "owner-id"));
    var ids = q.list("GroupId");
    Ec2State.requireAll(
        ids,
        s.fixture.securityGroups().stream().map(SecurityGroup::groupId).toList(),
        "InvalidGroup.NotFound",
        "security group");
    var names = q.list("GroupName");
    var x = new Xml().open("securityGroupInfo");
    for (var g : s.fixture.securityGroups()) {
      if ((ids.isEmpty() || ids.contains(g.groupId()))
          && (names.isEmpty() || names.contains(g.groupName()))
          && Filters.matches(
              f,
              g.tags(),
              n ->
                  switch (n) {
                    case "group-id" -> List.of(g.groupId());
                    case "group-name" -> List.of(g.groupName());
                    case "vpc-id" -> List.of(g.vpcId());
                    case "description" -> List.of(g.description());
                    default -> List.of(s.accountId);
                  })) {
        x.open("item")
            .leaf("ownerId", s.accountId)
            .leaf("groupId", g.groupId())
            .leaf("groupName", g.groupName());
        x.leaf("groupDescription", g.description())
            .leaf("vpcId", g.vpcId())
            .raw("<ipPermissions/>");
        x.open("ipPermissionsEgress").open("item").leaf("ipProtocol", "-1");
        x.open("ipRanges").open("item").leaf("cidrIp", "0.0.0.0/0").close("item").close("ipRanges");
        x.close("item").close("ipPermissionsEgress").tags(g.tags()).close("item");
      }
    }
    return x.close("securityGroupInfo").toString();
  }

  String availabilityZones(QueryParams q) {
    var f = q.filters();
    Filters.check(f, Set.of("zone-name", "zone-id", "state", "region-name", "zone-type"));
    var zones = new TreeSet<String>(List.of(s.region + "a", s.region + "b", s.region + "c"));
    s.fixture.subnets().forEach(sn -> zones.add(sn.availabilityZone()));
    var names = q.list("ZoneName");
    var x = new Xml().open("availabilityZoneInfo");
    for (var z : zones) {
      if ((names.isEmpty() || names.contains(z))
          && Filters.matches(
              f,
              java.util.Map.of(),
              n ->
                  switch (n) {
                    case "zone-name" -> List.of(z);
                    case "zone-id" -> List.of(s.zoneId(z));
                    case "state" -> List.of("available");
                    case "region-name" -> List.of(s.region);
                    default -> List.of("availability-zone");
                  })) {
        x.open("item")
            .leaf("zoneName", z)
            .leaf("zoneState", "available")
            .leaf("regionName", s.region);
        x.leaf("zoneId", s.zoneId(z)).leaf("zoneType", "availability-zone");
        x.leaf("optInStatus", "opt-in-not-required").leaf("groupName", s.region);
        x.leaf("networkBorderGroup", s.region).raw("<messageSet/>").close("item");
      }
    }
    return x.close("availabilityZoneInfo").toString();
  }
}
