package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.SecurityGroup;
import dev.lmi.emulator.ec2.Ec2Fixture.Subnet;
import dev.lmi.emulator.ec2.Ec2Fixture.Vpc;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The read-only Describe* operations over the fixture. */
final class Ec2Describe {
  private final Ec2State s;

  Ec2Describe(Ec2State state) {
    this.s = state;
  }

  String vpcs(QueryParams q) {
    var f = q.filters();
    Filters.check(f, Set.of("vpc-id", "cidr", "cidr-block", "is-default", "state", "owner-id"));
    var ids = q.list("VpcId");
    Ec2State.requireAll(
        ids, s.fixture.vpcs().stream().map(Vpc::vpcId).toList(), "InvalidVpcID.NotFound", "vpc ID");
    var x = new Xml().open("vpcSet");
    for (var v : s.fixture.vpcs()) {
      if ((ids.isEmpty() || ids.contains(v.vpcId()))
          && Filters.matches(
              f,
              v.tags(),
              n ->
                  switch (n) {
                    case "vpc-id" -> List.of(v.vpcId());
                    case "cidr", "cidr-block" -> List.of(v.cidrBlock());
                    case "is-default" -> List.of(Boolean.toString(v.isDefault()));
                    case "state" -> List.of("available");
                    default -> List.of(s.accountId);
                  })) {
        x.open("item")
            .leaf("vpcId", v.vpcId())
            .leaf("ownerId", s.accountId)
            .leaf("state", "available");
        x.leaf("cidrBlock", v.cidrBlock()).leaf("dhcpOptionsId", "dopt-0e1a1b2c3d4e5f601");
        x.leaf("instanceTenancy", "default").leaf("isDefault", v.isDefault());
        x.open("cidrBlockAssociationSet")
            .open("item")
            .leaf("associationId", "vpc-cidr-assoc-" + v.vpcId().substring(4));
        x.leaf("cidrBlock", v.cidrBlock())
            .open("cidrBlockState")
            .leaf("state", "associated")
            .close("cidrBlockState");
        x.close("item").close("cidrBlockAssociationSet").tags(v.tags()).close("item");
      }
    }
    return x.close("vpcSet").toString();
  }

  String subnets(QueryParams q) {
    var f = q.filters();
    Filters.check(
        f,
        Set.of(
            "subnet-id",
            "vpc-id",
            "availability-zone",
            "availability-zone-id",
            "cidr-block",
            "state",
            "default-for-az",
            "owner-id"));
    var ids = q.list("SubnetId");
    Ec2State.requireAll(
        ids,
        s.fixture.subnets().stream().map(Subnet::subnetId).toList(),
        "InvalidSubnetID.NotFound",
        "subnet ID");
    var x = new Xml().open("subnetSet");
    for (var sn : s.fixture.subnets()) {
      if ((ids.isEmpty() || ids.contains(sn.subnetId()))
          && Filters.matches(
              f,
              sn.tags(),
              n ->
                  switch (n) {
                    case "subnet-id" -> List.of(sn.subnetId());
                    case "vpc-id" -> List.of(sn.vpcId());
                    case "availability-zone" -> List.of(sn.availabilityZone());
                    case "availability-zone-id" -> List.of(s.zoneId(sn.availabilityZone()));
                    case "cidr-block" -> List.of(sn.cidrBlock());
                    case "state" -> List.of("available");
                    case "default-for-az" -> List.of("false");
                    default -> List.of(s.accountId);
                  })) {
        x.open("item")
            .leaf("subnetId", sn.subnetId())
            .leaf("state", "available")
            .leaf("vpcId", sn.vpcId());
        x.leaf("cidrBlock", sn.cidrBlock()).leaf("availableIpAddressCount", 251);
        x.leaf("availabilityZone", sn.availabilityZone())
            .leaf("availabilityZoneId", s.zoneId(sn.availabilityZone()));
        x.leaf("defaultForAz", false)
            .leaf("mapPublicIpOnLaunch", false)
            .leaf("ownerId", s.accountId);
        x.leaf(
            "subnetArn",
            "arn:aws:ec2:" + s.region + ":" + s.accountId + ":subnet/" + sn.subnetId());
        x.tags(sn.tags()).close("item");
      }
    }
    return x.close("subnetSet").toString();
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
