package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.Subnet;
import dev.lmi.emulator.ec2.Ec2Fixture.Vpc;
import java.util.List;
import java.util.Set;

/** DescribeVpcs and DescribeSubnets over the fixture. */
final class Ec2Describe {
  private static final Set<String> VPC_FILTERS =
      Set.of("vpc-id", "cidr", "cidr-block", "is-default", "state", "owner-id");
  private static final Set<String> SUBNET_FILTERS =
      Set.of(
          "subnet-id",
          "vpc-id",
          "availability-zone",
          "availability-zone-id",
          "cidr-block",
          "state",
          "default-for-az",
          "owner-id");
  private final Ec2State s;

  Ec2Describe(Ec2State state) {
    this.s = state;
  }

  String vpcs(QueryParams q) {
    var f = q.filters();
    Filters.check(f, VPC_FILTERS);
    var ids = q.list("VpcId");
    var known = s.fixture.vpcs().stream().map(Vpc::vpcId).toList();
    Ec2State.requireAll(ids, known, "InvalidVpcID.NotFound", "vpc ID");
    var x = new Xml().open("vpcSet");
    for (var v : s.fixture.vpcs()) {
      if ((ids.isEmpty() || ids.contains(v.vpcId()))
          && Filters.matches(f, v.tags(), n -> attribute(v, n))) {
        write(x, v);
      }
    }
    return x.close("vpcSet").toString();
  }

  private List<String> attribute(Vpc v, String name) {
    return switch (name) {
      case "vpc-id" -> List.of(v.vpcId());
      case "cidr", "cidr-block" -> List.of(v.cidrBlock());
      case "is-default" -> List.of(Boolean.toString(v.isDefault()));
      case "state" -> List.of("available");
      default -> List.of(s.accountId);
    };
  }

  private void write(Xml x, Vpc v) {
    x.open("item").leaf("vpcId", v.vpcId()).leaf("ownerId", s.accountId).leaf("state", "available");
    x.leaf("cidrBlock", v.cidrBlock()).leaf("dhcpOptionsId", "dopt-0e1a1b2c3d4e5f601");
    x.leaf("instanceTenancy", "default").leaf("isDefault", v.isDefault());
    x.open("cidrBlockAssociationSet").open("item");
    x.leaf("associationId", "vpc-cidr-assoc-" + v.vpcId().substring(4));
    x.leaf("cidrBlock", v.cidrBlock());
    x.open("cidrBlockState").leaf("state", "associated").close("cidrBlockState");
    x.close("item").close("cidrBlockAssociationSet").tags(v.tags()).close("item");
  }

  String subnets(QueryParams q) {
    var f = q.filters();
    Filters.check(f, SUBNET_FILTERS);
    var ids = q.list("SubnetId");
    var known = s.fixture.subnets().stream().map(Subnet::subnetId).toList();
    Ec2State.requireAll(ids, known, "InvalidSubnetID.NotFound", "subnet ID");
    var x = new Xml().open("subnetSet");
    for (var sn : s.fixture.subnets()) {
      if ((ids.isEmpty() || ids.contains(sn.subnetId()))
          && Filters.matches(f, sn.tags(), n -> attribute(sn, n))) {
        write(x, sn);
      }
    }
    return x.close("subnetSet").toString();
  }

  private List<String> attribute(Subnet sn, String name) {
    return switch (name) {
      case "subnet-id" -> List.of(sn.subnetId());
      case "vpc-id" -> List.of(sn.vpcId());
      case "availability-zone" -> List.of(sn.availabilityZone());
      case "availability-zone-id" -> List.of(s.zoneId(sn.availabilityZone()));
      case "cidr-block" -> List.of(sn.cidrBlock());
      case "state" -> List.of("available");
      case "default-for-az" -> List.of("false");
      default -> List.of(s.accountId);
    };
  }

  private void write(Xml x, Subnet sn) {
    x.open("item").leaf("subnetId", sn.subnetId()).leaf("state", "available");
    x.leaf("vpcId", sn.vpcId())
        .leaf("cidrBlock", sn.cidrBlock())
        .leaf("availableIpAddressCount", 251);
    x.leaf("availabilityZone", sn.availabilityZone());
    x.leaf("availabilityZoneId", s.zoneId(sn.availabilityZone()));
    x.leaf("defaultForAz", false).leaf("mapPublicIpOnLaunch", false).leaf("ownerId", s.accountId);
    x.leaf("subnetArn", "arn:aws:ec2:" + s.region + ":" + s.accountId + ":subnet/" + sn.subnetId());
    x.tags(sn.tags()).close("item");
  }
}
