package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.RouteTable;
import dev.lmi.emulator.ec2.Ec2Fixture.SecurityGroup;
import dev.lmi.emulator.ec2.Ec2Fixture.VpcEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Describe/Create/Delete VPC endpoints; gateway endpoints add a prefix-list route. */
final class Ec2Endpoints {
  private static final Set<String> FILTERS =
      Set.of(
          "vpc-id", "service-name", "vpc-endpoint-type", "vpc-endpoint-id", "vpc-endpoint-state");
  private final Ec2State s;

  Ec2Endpoints(Ec2State state) {
    this.s = state;
  }

  String describe(QueryParams q) {
    var f = q.filters();
    Filters.check(f, FILTERS);
    var ids = q.list("VpcEndpointId");
    synchronized (s) {
      var known = s.endpoints.stream().map(VpcEndpoint::vpcEndpointId).toList();
      Ec2State.requireAll(ids, known, "InvalidVpcEndpointId.NotFound", "VpcEndpoint Id");
      var matching =
          s.endpoints.stream()
              .filter(e -> ids.isEmpty() || ids.contains(e.vpcEndpointId()))
              .filter(e -> Filters.matches(f, e.tags(), n -> attribute(e, n)))
              .toList();
      var page = Ec2Pages.page(matching, q);
      var x = new Xml().open("vpcEndpointSet");
      page.items().forEach(e -> write(x.open("item"), e).close("item"));
      x.close("vpcEndpointSet");
      return (page.nextToken() == null ? x : x.leaf("nextToken", page.nextToken())).toString();
    }
  }

  private static List<String> attribute(VpcEndpoint e, String name) {
    return switch (name) {
      case "vpc-id" -> List.of(e.vpcId());
      case "service-name" -> List.of(e.serviceName());
      case "vpc-endpoint-type" -> List.of(e.vpcEndpointType());
      case "vpc-endpoint-id" -> List.of(e.vpcEndpointId());
      default -> List.of(e.state());
    };
  }

  String delete(QueryParams q) {
    var ids = q.list("VpcEndpointId");
    synchronized (s) {
      var x = new Xml().open("unsuccessful");
      for (var id : ids) {
        var removed = s.endpoints.removeIf(e -> e.vpcEndpointId().equals(id));
        if (!removed) {
          x.open("item").open("error").leaf("code", "InvalidVpcEndpoint.NotFound");
          x.leaf("message", "The VPC endpoint '" + id + "' does not exist").close("error");
          x.leaf("resourceId", id).close("item");
          continue;
        }
        for (var i = 0; i < s.routeTables.size(); i++) {
          var t = s.routeTables.get(i);
          var routes = t.routes().stream().filter(r -> !id.equals(r.gatewayId())).toList();
          s.routeTables.set(
              i,
              new RouteTable(
                  t.routeTableId(), t.vpcId(), t.main(), t.subnetIds(), routes, t.tags()));
        }
      }
      return x.close("unsuccessful").toString();
    }
  }

  Xml write(Xml x, VpcEndpoint e) {
    x.leaf("vpcEndpointId", e.vpcEndpointId()).leaf("vpcEndpointType", e.vpcEndpointType());
    x.leaf("vpcId", e.vpcId()).leaf("serviceName", e.serviceName()).leaf("state", e.state());
    x.items("routeTableIdSet", e.routeTableIds(), null).items("subnetIdSet", e.subnetIds(), null);
    x.open("groupSet");
    for (var g : e.securityGroupIds()) {
      var name =
          s.fixture.securityGroups().stream()
              .filter(sg -> sg.groupId().equals(g))
              .map(SecurityGroup::groupName)
              .findFirst()
              .orElse(g);
      x.open("item").leaf("groupId", g).leaf("groupName", name).close("item");
    }
    x.close("groupSet")
        .leaf("privateDnsEnabled", e.privateDnsEnabled())
        .leaf("requesterManaged", false);
    x.raw("<networkInterfaceIdSet/><dnsEntrySet/>")
        .leaf("creationTimestamp", Instant.EPOCH.toString());
    return x.tags(e.tags()).leaf("ownerId", s.accountId);
  }
}
