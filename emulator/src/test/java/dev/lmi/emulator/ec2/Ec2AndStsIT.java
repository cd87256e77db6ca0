package dev.lmi.emulator.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

class Ec2AndStsIT {
  private static LmiEmulator emulator;
  private static Ec2Client ec2;

  @BeforeAll
  static void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults());
    ec2 = Clients.ec2(emulator.endpoint());
  }

  @AfterAll
  static void stop() {
    ec2.close();
    emulator.close();
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  @Test
  void defaultFixtureHasThreePrivateSubnetsInThreeZones() {
    var subnets = ec2.describeSubnets(b -> b.filters(filter("tag:tier", "private"))).subnets();

    assertThat(subnets).hasSize(3);
    assertThat(subnets)
        .extracting(s -> s.availabilityZone())
        .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
    var vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
    assertThat(subnets).allSatisfy(s -> assertThat(s.vpcId()).isEqualTo(vpc));
    assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("vpc-id", vpc))).securityGroups())
        .hasSize(1);
    assertThat(ec2.describeAvailabilityZones().availabilityZones())
        .extracting(z -> z.zoneName())
        .contains("us-east-1a");
  }

  @Test
  void unknownIdsAreNotFoundWithEc2Codes() {
    assertThatThrownBy(() -> ec2.describeSubnets(b -> b.subnetIds("subnet-0000")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound");
              assertThat(e.statusCode()).isEqualTo(400);
            });
    assertThatThrownBy(() -> ec2.describeSecurityGroups(b -> b.groupIds("sg-0000")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound"));
    assertThatThrownBy(() -> ec2.describeVpcs(b -> b.vpcIds("vpc-0000")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound"));
    assertThatThrownBy(() -> ec2.describeVpcEndpoints(b -> b.vpcEndpointIds("vpce-0000")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidVpcEndpointId.NotFound"));
  }

  @Test
  void routeTablesShowNoNatByDefault() {
    var subnet = ec2.describeSubnets().subnets().get(0).subnetId();

    var tables =
        ec2.describeRouteTables(b -> b.filters(filter("association.subnet-id", subnet)))
            .routeTables();

    assertThat(tables).hasSize(1);
    assertThat(tables.get(0).routes()).noneMatch(r -> r.natGatewayId() != null);
  }

  @Test
  void gatewayAndInterfaceEndpointsCanBeCreatedFoundAndDeleted() {
    var vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
    var table =
        ec2.describeRouteTables(b -> b.filters(filter("association.main", "false")))
            .routeTables()
            .get(0)
            .routeTableId();
    var subnets = ec2.describeSubnets().subnets().stream().map(s -> s.subnetId()).toList();

    var gateway =
        ec2.createVpcEndpoint(
                b ->
                    b.vpcId(vpc)
                        .serviceName("com.amazonaws.us-east-1.dynamodb")
                        .vpcEndpointType(VpcEndpointType.GATEWAY)
                        .routeTableIds(table))
            .vpcEndpoint();
    var iface =
        ec2.createVpcEndpoint(
                b ->
                    b.vpcId(vpc)
                        .serviceName("com.amazonaws.us-east-1.bedrock-runtime")
                        .vpcEndpointType(VpcEndpointType.INTERFACE)
                        .subnetIds(subnets)
                        .privateDnsEnabled(true))
            .vpcEndpoint();

    assertThat(gateway.vpcEndpointId()).startsWith("vpce-");
    assertThat(iface.privateDnsEnabled()).isTrue();
    assertThat(iface.groups()).hasSize(1);
    var found =
        ec2.describeVpcEndpoints(
                b ->
                    b.filters(
                        filter("vpc-id", vpc),
                        filter("service-name", "com.amazonaws.us-east-1.dynamodb")))
            .vpcEndpoints();
    assertThat(found)
        .singleElement()
        .satisfies(e -> assertThat(e.routeTableIds()).containsExactly(table));
    var routes = ec2.describeRouteTables(b -> b.routeTableIds(table)).routeTables().get(0).routes();
    assertThat(routes)
        .anyMatch(
            r ->
                gateway.vpcEndpointId().equals(r.gatewayId())
                    && r.destinationPrefixListId() != null);

    var deleted =
        ec2.deleteVpcEndpoints(
            b -> b.vpcEndpointIds(gateway.vpcEndpointId(), iface.vpcEndpointId(), "vpce-0000"));

    assertThat(deleted.unsuccessful())
        .singleElement()
        .satisfies(u -> assertThat(u.resourceId()).isEqualTo("vpce-0000"));
    assertThat(ec2.describeVpcEndpoints().vpcEndpoints()).isEmpty();
  }

  @Test
  void rejectsUnknownServicesAndVpcs() {
    assertThatThrownBy(
            () ->
                ec2.createVpcEndpoint(
                    b -> b.vpcId("vpc-0000").serviceName("com.amazonaws.us-east-1.s3")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound"));
    var vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
    assertThatThrownBy(
            () -> ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName("com.example.nope")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidServiceName"));
  }

  @Test
  void fixtureFilesCanDescribeANatRouteAndExistingEndpoints(@TempDir Path dir) throws Exception {
    var file = dir.resolve("fixture.yaml");
    Files.writeString(
        file,
        """
        vpcs:
          - {vpcId: vpc-1, cidrBlock: 10.1.0.0/16}
        subnets:
          - {subnetId: subnet-1, vpcId: vpc-1, availabilityZone: us-east-1a, cidrBlock: 10.1.1.0/24, tags: {tier: private}}
        securityGroups:
          - {groupId: sg-1, groupName: fn, vpcId: vpc-1}
        routeTables:
          - routeTableId: rtb-1
            vpcId: vpc-1
            subnetIds: [subnet-1]
            routes:
              - {destinationCidrBlock: 0.0.0.0/0, natGatewayId: nat-1}
        vpcEndpoints:
          - {vpcEndpointId: vpce-1, vpcId: vpc-1, serviceName: com.amazonaws.us-east-1.s3, routeTableIds: [rtb-1]}
        """);
    try (var custom = LmiEmulator.start(EmulatorConfig.defaults().withFixturesFile(file));
        var client = Clients.ec2(custom.endpoint())) {
      var tables =
          client
              .describeRouteTables(b -> b.filters(filter("association.subnet-id", "subnet-1")))
              .routeTables();
      assertThat(tables.get(0).routes()).anyMatch(r -> "nat-1".equals(r.natGatewayId()));
      assertThat(client.describeVpcEndpoints().vpcEndpoints())
          .singleElement()
          .satisfies(e -> assertThat(e.vpcEndpointTypeAsString()).isEqualTo("Gateway"));
    }
  }

  @Test
  void stsNamesTheEmulatorAccount() {
    try (var sts = Clients.sts(emulator)) {
      var identity = sts.getCallerIdentity();
      assertThat(identity.account()).isEqualTo("123456789012");
      assertThat(identity.arn()).startsWith("arn:aws:iam::123456789012:");
    }
  }

  @Test
  void interfaceEndpointsTakeOneSubnetPerZoneOfTheirVpc(@TempDir Path dir) throws Exception {
    var file = dir.resolve("two-in-one-zone.json");
    Files.writeString(
        file,
        """
        {"vpcs": [{"vpcId": "vpc-1"}, {"vpcId": "vpc-2"}],
         "subnets": [{"subnetId": "subnet-1", "vpcId": "vpc-1", "availabilityZone": "us-east-1a"},
                     {"subnetId": "subnet-2", "vpcId": "vpc-1", "availabilityZone": "us-east-1a"},
                     {"subnetId": "subnet-3", "vpcId": "vpc-2", "availabilityZone": "us-east-1b"}]}
        """);
    try (var custom = LmiEmulator.start(EmulatorConfig.defaults().withFixturesFile(file));
        var client = Clients.ec2(custom.endpoint())) {
      var service = "com.amazonaws.us-east-1.bedrock-runtime";
      assertThatThrownBy(
              () ->
                  client.createVpcEndpoint(
                      b ->
                          b.vpcId("vpc-1")
                              .serviceName(service)
                              .vpcEndpointType(VpcEndpointType.INTERFACE)
                              .subnetIds("subnet-1", "subnet-2")))
          .isInstanceOfSatisfying(
              Ec2Exception.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("DuplicateSubnetsInSameZone"));
      assertThatThrownBy(
              () ->
                  client.createVpcEndpoint(
                      b ->
                          b.vpcId("vpc-1")
                              .serviceName(service)
                              .vpcEndpointType(VpcEndpointType.INTERFACE)
                              .subnetIds("subnet-3")))
          .isInstanceOfSatisfying(
              Ec2Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
    }
  }
}
