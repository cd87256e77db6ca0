package dev.lmi.emulator.ec2;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The EC2 world the emulator starts with: loadable from a YAML or JSON file. */
public record Ec2Fixture(
    List<Vpc> vpcs,
    List<Subnet> subnets,
    List<SecurityGroup> securityGroups,
    List<RouteTable> routeTables,
    List<VpcEndpoint> vpcEndpoints) {

  public Ec2Fixture {
    vpcs = vpcs == null ? List.of() : vpcs;
    subnets = subnets == null ? List.of() : subnets;
    securityGroups = securityGroups == null ? List.of() : securityGroups;
    routeTables = routeTables == null ? List.of() : routeTables;
    vpcEndpoints = vpcEndpoints == null ? List.of() : vpcEndpoints;
  }

  /** A VPC. */
  public record Vpc(String vpcId, String cidrBlock, boolean isDefault, Map<String, String> tags) {
    public Vpc {
      tags = tags == null ? Map.of() : tags;
    }
  }

  /** A subnet in one availability zone. */
  public record Subnet(
      String subnetId,
      String vpcId,
      String availabilityZone,
      String cidrBlock,
      Map<String, String> tags) {
    public Subnet {
      tags = tags == null ? Map.of() : tags;
    }
  }

  /** A security group. */
  public record SecurityGroup(
      String groupId,
      String groupName,
      String description,
      String vpcId,
      Map<String, String> tags) {
    public SecurityGroup {
      tags = tags == null ? Map.of() : tags;
      description = description == null ? groupName : description;
    }
  }

  /** One route: to a CIDR or prefix list, via a gateway (igw-, vpce-, local) or a NAT gateway. */
  public record Route(
      String destinationCidrBlock,
      String destinationPrefixListId,
      String gatewayId,
      String natGatewayId) {}

  /** A route table and the subnets explicitly associated with it. */
  public record RouteTable(
      String routeTableId,
      String vpcId,
      boolean main,
      List<String> subnetIds,
      List<Route> routes,
      Map<String, String> tags) {
    public RouteTable {
      subnetIds = subnetIds == null ? List.of() : subnetIds;
      routes = routes == null ? List.of() : routes;
      tags = tags == null ? Map.of() : tags;
    }
  }

  /** A VPC endpoint (Gateway or Interface). */
  public record VpcEndpoint(
      String vpcEndpointId,
      String vpcId,
      String serviceName,
      String vpcEndpointType,
      List<String> routeTableIds,
      List<String> subnetIds,
      List<String> securityGroupIds,
      Boolean privateDnsEnabled,
      String state,
      Map<String, String> tags) {
    public VpcEndpoint {
      vpcEndpointType = vpcEndpointType == null ? "Gateway" : vpcEndpointType;
      routeTableIds = routeTableIds == null ? List.of() : routeTableIds;
      subnetIds = subnetIds == null ? List.of() : subnetIds;
      securityGroupIds = securityGroupIds == null ? List.of() : securityGroupIds;
      privateDnsEnabled = privateDnsEnabled != null && privateDnsEnabled;
      state = state == null ? "available" : state;
      tags = tags == null ? Map.of() : tags;
    }
  }

  /** Reads a fixture file; YAML is a superset of JSON, so one parser reads both. */
  public static Ec2Fixture load(Path file) throws IOException {
    var mapper =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    return mapper.readValue(file.toFile(), Ec2Fixture.class);
  }

  /** One VPC, three private subnets in three AZs, one security group, no NAT, no endpoints. */
  public static Ec2Fixture defaults(String region) {
    var vpc = "vpc-0e1a1b2c3d4e5f601";
    var subnets =
        List.of(
            subnet("subnet-0a1a1b2c3d4e5f601", vpc, region + "a", "10.0.1.0/24", "private-a"),
            subnet("subnet-0b1a1b2c3d4e5f602", vpc, region + "b", "10.0.2.0/24", "private-b"),
            subnet("subnet-0c1a1b2c3d4e5f603", vpc, region + "c", "10.0.3.0/24", "private-c"));
    var local = new Route("10.0.0.0/16", null, "local", null);
    return new Ec2Fixture(
        List.of(new Vpc(vpc, "10.0.0.0/16", false, Map.of("Name", "lmi-emulator"))),
        subnets,
        List.of(
            new SecurityGroup(
                "sg-0d1a1b2c3d4e5f601", "lmi-functions", "LMI functions", vpc, Map.of())),
        List.of(
            new RouteTable("rtb-0f1a1b2c3d4e5f601", vpc, true, List.of(), List.of(local), Map.of()),
            new RouteTable(
                "rtb-0f1a1b2c3d4e5f602",
                vpc,
                false,
                subnets.stream().map(Subnet::subnetId).toList(),
                List.of(local),
                Map.of("Name", "private"))),
        List.of());
  }

  private static Subnet subnet(String id, String vpc, String az, String cidr, String name) {
    return new Subnet(id, vpc, az, cidr, Map.of("tier", "private", "Name", name));
  }
}
