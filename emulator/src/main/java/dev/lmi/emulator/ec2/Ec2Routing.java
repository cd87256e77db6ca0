package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * DescribeRouteTables: enough to tell whether a subnet has a NAT route or an S3/DynamoDB gateway.
 */
final class Ec2Routing {
  private final Ec2State s;

  Ec2Routing(Ec2State state) {
    this.s = state;
  }

  String routeTables(QueryParams q) {
    var f = q.filters();
    Filters.check(
        f,
        Set.of(
            "route-table-id",
            "vpc-id",
            "association.subnet-id",
            "association.main",
            "association.route-table-id",
            "route.nat-gateway-id",
            "route.gateway-id",
            "route.destination-cidr-block",
            "route.destination-prefix-list-id",
            "owner-id"));
    var ids = q.list("RouteTableId");
    synchronized (s) {
      var tables = List.copyOf(s.routeTables);
      Ec2State.requireAll(
          ids,
          tables.stream().map(RouteTable::routeTableId).toList(),
          "InvalidRouteTableID.NotFound",
          "route table ID");
      var x = new Xml().open("routeTableSet");
      for (var t : tables) {
        if ((ids.isEmpty() || ids.contains(t.routeTableId()))
            && Filters.matches(f, t.tags(), n -> attribute(t, n))) {
          write(x, t);
        }
      }
      return x.close("routeTableSet").toString();
    }
  }

  private List<String> attribute(RouteTable t, String name) {
    return switch (name) {
      case "route-table-id", "association.route-table-id" -> List.of(t.routeTableId());
      case "vpc-id" -> List.of(t.vpcId());
      case "association.subnet-id" -> t.subnetIds();
      case "association.main" -> List.of(Boolean.toString(t.main()));
      case "route.nat-gateway-id" ->
          t.routes().stream().map(r -> r.natGatewayId()).filter(Objects::nonNull).toList();
      case "route.gateway-id" ->
          t.routes().stream().map(r -> r.gatewayId()).filter(Objects::nonNull).toList();
      case "route.destination-cidr-block" ->
          t.routes().stream().map(r -> r.destinationCidrBlock()).filter(Objects::nonNull).toList();
      case "route.destination-prefix-list-id" ->
          t.routes().stream()
              .map(r -> r.destinationPrefixListId())
              .filter(Objects::nonNull)
              .toList();
      default -> List.of(s.accountId);
    };
  }

  private void write(Xml x, RouteTable t) {
    x.open("item")
        .leaf("routeTableId", t.routeTableId())
        .leaf("vpcId", t.vpcId())
        .leaf("ownerId", s.accountId);
    x.open("routeSet");
    for (var r : t.routes()) {
      x.open("item").leaf("destinationCidrBlock", r.destinationCidrBlock());
      x.leaf("destinationPrefixListId", r.destinationPrefixListId());
      x.leaf("gatewayId", r.gatewayId()).leaf("natGatewayId", r.natGatewayId());
      var origin = "local".equals(r.gatewayId()) ? "CreateRouteTable" : "CreateRoute";
      x.leaf("state", "active").leaf("origin", origin).close("item");
    }
    x.close("routeSet").open("associationSet");
    var associations = new ArrayList<String>();
    if (t.main()) {
      associations.add(null);
    }
    associations.addAll(t.subnetIds());
    for (var subnet : associations) {
      var id = "rtbassoc-" + Integer.toHexString(Objects.hash(t.routeTableId(), subnet));
      x.open("item").leaf("routeTableAssociationId", id).leaf("routeTableId", t.routeTableId());
      x.leaf("subnetId", subnet).leaf("main", subnet == null);
      x.open("associationState")
          .leaf("state", "associated")
          .close("associationState")
          .close("item");
    }
    x.close("associationSet").raw("<propagatingVgwSet/>").tags(t.tags()).close("item");
  }
}
