package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.Route;
import dev.lmi.emulator.ec2.Ec2Fixture.RouteTable;
import dev.lmi.emulator.ec2.Ec2Fixture.SecurityGroup;
import dev.lmi.emulator.ec2.Ec2Fixture.Subnet;
import dev.lmi.emulator.ec2.Ec2Fixture.Vpc;
import dev.lmi.emulator.ec2.Ec2Fixture.VpcEndpoint;
import dev.lmi.emulator.http.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Describe/Create/Delete VPC endpoints; gateway endpoints add a prefix-list route. */
final class Ec2Endpoints {
  private static final Set<String> GATEWAY_SERVICES = Set.of("s3", "dynamodb");
  private final Ec2State s;

  Ec2Endpoints(Ec2State state) {
    this.s = state;
  }

  String describe(QueryParams q) {
    var f = q.filters();
    Filters.check(
        f,
        Set.of(
            "vpc-id",
            "service-name",
            "vpc-endpoint-type",
            "vpc-endpoint-id",
            "vpc-endpoint-state"));
    var ids = q.list("VpcEndpointId");
    synchronized (s) {
      Ec2State.requireAll(
          ids,
          s.endpoints.stream().map(VpcEndpoint::vpcEndpointId).toList(),
          "InvalidVpcEndpointId.NotFound",
          "VpcEndpoint Id");
      var x = new Xml().open("vpcEndpointSet");
      for (var e : s.endpoints) {
        if ((ids.isEmpty() || ids.contains(e.vpcEndpointId()))
            && Filters.matches(
                f,
                e.tags(),
                n ->
                    switch (n) {
                      case "vpc-id" -> List.of(e.vpcId());
                      case "service-name" -> List.of(e.serviceName());
                      case "vpc-endpoint-type" -> List.of(e.vpcEndpointType());
                      case "vpc-endpoint-id" -> List.of(e.vpcEndpointId());
                      default -> List.of(e.state());
                    })) {
          write(x.open("item"), e).close("item");
        }
      }
      return x.close("vpcEndpointSet").toString();
    }
  }

  String create(QueryParams q) {
    var vpcId = required(q, "VpcId");
    var service = required(q, "ServiceName");
    var type = q.get("VpcEndpointType") == null ? "Gateway" : q.get("VpcEndpointType");
    if (!Set.of("Gateway", "Interface", "GatewayLoadBalancer").contains(type)) {
      throw new ApiException(400, "InvalidParameterValue", "Invalid VpcEndpointType: " + type);
    }
    Ec2State.requireAll(
        List.of(vpcId),
        s.fixture.vpcs().stream().map(Vpc::vpcId).toList(),
        "InvalidVpcID.NotFound",
        "vpc ID");
    var prefix = "com.amazonaws." + s.region + ".";
    var short_ = service.startsWith(prefix) ? service.substring(prefix.length()) : "";
    if (short_.isEmpty() || (type.equals("Gateway") && !GATEWAY_SERVICES.contains(short_))) {
      throw new ApiException(
          400, "InvalidServiceName", "The Vpc Endpoint Service '" + service + "' does not exist");
    }
    synchronized (s) {
      var endpoint = type.equals("Gateway") ? gateway(q, vpcId, service) : iface(q, vpcId, service);
      s.endpoints.add(endpoint);
      return write(new Xml().open("vpcEndpoint"), endpoint).close("vpcEndpoint").toString();
    }
  }

  private VpcEndpoint gateway(QueryParams q, String vpcId, String service) {
    var tables = q.list("RouteTableId");
    Ec2State.requireAll(
        tables,
        s.routeTables.stream().map(RouteTable::routeTableId).toList(),
        "InvalidRouteTableId.NotFound",
        "routeTable ID");
    var id = newId();
    var prefixList = "pl-" + Integer.toHexString(service.hashCode());
    for (var i = 0; i < s.routeTables.size(); i++) {
      var t = s.routeTables.get(i);
      if (tables.contains(t.routeTableId())) {
        if (t.routes().stream().anyMatch(r -> prefixList.equals(r.destinationPrefixListId()))) {
          throw new ApiException(
              400,
              "RouteAlreadyExists",
              "route table "
                  + t.routeTableId()
                  + " already has a route with destination-prefix-list-id "
                  + prefixList);
        }
        var routes = new ArrayList<>(t.routes());
        routes.add(new Route(null, prefixList, id, null));
        s.routeTables.set(
            i,
            new RouteTable(t.routeTableId(), t.vpcId(), t.main(), t.subnetIds(), routes, t.tags()));
      }
    }
    return new VpcEndpoint(
        id,
        vpcId,
        service,
        "Gateway",
        tables,
        List.of(),
        List.of(),
        false,
        "available",
        q.tagSpecifications());
  }

  private VpcEndpoint iface(QueryParams q, String vpcId, String service) {
    var subnets = q.list("SubnetId");
    Ec2State.requireAll(
        subnets,
        s.fixture.subnets().stream().map(Subnet::subnetId).toList(),
        "InvalidSubnetID.NotFound",
        "subnet ID");
    var groups = q.list("SecurityGroupId");
    Ec2State.requireAll(
        groups,
        s.fixture.securityGroups().stream().map(SecurityGroup::groupId).toList(),
        "InvalidGroup.NotFound",
        "security group");
    var privateDns = !"false".equals(q.get("PrivateDnsEnabled"));
    if (privateDns
        && s.endpoints.stream()
            .anyMatch(
                e ->
                    e.vpcId().equals(vpcId)
                        && e.serviceName().equals(service)
                        && e.privateDnsEnabled())) {
      throw new ApiException(
          400,
          "InvalidParameter",
          "private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
              + service
              + " in the VPC "
              + vpcId);
    }
    if (groups.isEmpty()) {
      groups =
          s.fixture.securityGroups().stream()
              .filter(g -> g.vpcId().equals(vpcId))
              .map(SecurityGroup::groupId)
              .limit(1)
              .toList();
    }
    return new VpcEndpoint(
        newId(),
        vpcId,
        service,
        "Interface",
        List.of(),
        subnets,
        groups,
        privateDns,
        "available",
        q.tagSpecifications());
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

  private Xml write(Xml x, VpcEndpoint e) {
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

  private static String required(QueryParams q, String name) {
    var v = q.get(name);
    if (v == null || v.isEmpty()) {
      throw new ApiException(
          400, "MissingParameter", "The request must contain the parameter " + name);
    }
    return v;
  }

  private static String newId() {
    var bytes = new byte[9];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "vpce-" + HexFormat.of().formatHex(bytes).substring(0, 17);
  }
}
