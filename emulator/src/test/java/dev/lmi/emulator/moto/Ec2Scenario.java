package dev.lmi.emulator.moto;

import java.net.URI;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** EC2 calls the operator makes to check networking, run against each backend's own first VPC. */
final class Ec2Scenario {
  private Ec2Scenario() {}

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  static Transcript run(URI endpoint) {
    var t = new Transcript();
    try (var ec2 = MotoDifferentialIT.ec2(endpoint)) {
      var vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
      var subnet =
          ec2.describeSubnets(b -> b.filters(filter("vpc-id", vpc))).subnets().get(0).subnetId();
      var table =
          ec2.describeRouteTables(b -> b.filters(filter("vpc-id", vpc)))
              .routeTables()
              .get(0)
              .routeTableId();
      var service = "com.amazonaws.us-east-1.";
      t.step("ec2.vpcs", () -> !ec2.describeVpcs().vpcs().isEmpty());
      t.step(
          "ec2.subnets.byVpc",
          () ->
              ec2.describeSubnets(b -> b.filters(filter("vpc-id", vpc))).subnets().stream()
                  .allMatch(s -> s.vpcId().equals(vpc)));
      t.step(
          "ec2.subnets.byId",
          () ->
              ec2.describeSubnets(b -> b.subnetIds(subnet))
                  .subnets()
                  .get(0)
                  .subnetId()
                  .equals(subnet));
      t.step(
          "ec2.subnets.missing",
          () -> ec2.describeSubnets(b -> b.subnetIds("subnet-0000")).subnets().size());
      t.step(
          "ec2.securityGroups.missing",
          () -> ec2.describeSecurityGroups(b -> b.groupIds("sg-0000")).securityGroups().size());
      t.step(
          "ec2.securityGroups.byVpc",
          () ->
              !ec2.describeSecurityGroups(b -> b.filters(filter("vpc-id", vpc)))
                  .securityGroups()
                  .isEmpty());
      t.step("ec2.vpcs.missing", () -> ec2.describeVpcs(b -> b.vpcIds("vpc-0000")).vpcs().size());
      t.step(
          "ec2.routeTables.byVpc",
          () ->
              ec2.describeRouteTables(b -> b.filters(filter("vpc-id", vpc))).routeTables().stream()
                  .allMatch(r -> r.vpcId().equals(vpc)));
      t.step("ec2.azs", () -> ec2.describeAvailabilityZones().availabilityZones().size() >= 3);
      var gateway = new String[1];
      t.step(
          "ec2.createEndpoint.gateway",
          () -> {
            var e =
                ec2.createVpcEndpoint(
                        b ->
                            b.vpcId(vpc)
                                .serviceName(service + "s3")
                                .vpcEndpointType(VpcEndpointType.GATEWAY)
                                .routeTableIds(table))
                    .vpcEndpoint();
            gateway[0] = e.vpcEndpointId();
            return e.vpcEndpointTypeAsString()
                + "|"
                + e.stateAsString()
                + "|"
                + e.serviceName()
                + "|"
                + e.routeTableIds().equals(java.util.List.of(table));
          });
      var iface = new String[1];
      t.step(
          "ec2.createEndpoint.interface",
          () -> {
            var e =
                ec2.createVpcEndpoint(
                        b ->
                            b.vpcId(vpc)
                                .serviceName(service + "bedrock-runtime")
                                .vpcEndpointType(VpcEndpointType.INTERFACE)
                                .subnetIds(subnet)
                                .privateDnsEnabled(true))
                    .vpcEndpoint();
            iface[0] = e.vpcEndpointId();
            return e.vpcEndpointTypeAsString()
                + "|"
                + e.privateDnsEnabled()
                + "|"
                + e.subnetIds().equals(java.util.List.of(subnet));
          });
      t.step(
          "ec2.describeEndpoints.byService",
          () ->
              ec2.describeVpcEndpoints(
                      b -> b.filters(filter("vpc-id", vpc), filter("service-name", service + "s3")))
                  .vpcEndpoints()
                  .size());
      t.step(
          "ec2.describeEndpoints.missing",
          () -> ec2.describeVpcEndpoints(b -> b.vpcEndpointIds("vpce-0000")).vpcEndpoints().size());
      t.step(
          "ec2.createEndpoint.unknownService",
          () ->
              ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName("com.example.nope"))
                  .vpcEndpoint()
                  .stateAsString());
      t.step(
          "ec2.createEndpoint.unknownVpc",
          () ->
              ec2.createVpcEndpoint(b -> b.vpcId("vpc-0000").serviceName(service + "s3"))
                  .vpcEndpoint()
                  .stateAsString());
      t.step(
          "ec2.deleteEndpoints",
          () ->
              ec2.deleteVpcEndpoints(b -> b.vpcEndpointIds(gateway[0], iface[0]))
                  .unsuccessful()
                  .size());
      t.step(
          "ec2.deleteEndpoints.unknownId",
          () ->
              "unsuccessful="
                  + ec2.deleteVpcEndpoints(b -> b.vpcEndpointIds("vpce-0000"))
                      .unsuccessful()
                      .size());
      t.step(
          "ec2.describeEndpoints.afterDelete",
          () ->
              ec2.describeVpcEndpoints(b -> b.filters(filter("service-name", service + "s3")))
                  .vpcEndpoints()
                  .size());
    }
    return t;
  }
}
