package dev.lmi.emulator.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** EC2 parameters meet the model's ranges and enums, with EC2's codes, paging and DryRun. */
class Ec2ModelIT {
  private static final String VPC = "vpc-0e1a1b2c3d4e5f601";
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

  private static void assertEc2Error(ThrowingCallable call, int status, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            });
  }

  private static String interfaceEndpoint(String service) {
    return ec2.createVpcEndpoint(
            b ->
                b.vpcId(VPC)
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(false)
                    .serviceName("com.amazonaws.us-east-1." + service))
        .vpcEndpoint()
        .vpcEndpointId();
  }

  @Test
  void maxResultsOutsideTheModelsRangeIsAnInvalidParameter() {
    assertEc2Error(() -> ec2.describeVpcs(b -> b.maxResults(4)), 400, "InvalidParameterValue");
    assertEc2Error(
        () -> ec2.describeSubnets(b -> b.maxResults(1001)), 400, "InvalidParameterValue");
    assertEc2Error(
        () -> ec2.describeRouteTables(b -> b.maxResults(101)), 400, "InvalidParameterValue");
    assertEc2Error(
        () -> ec2.describeSecurityGroups(b -> b.maxResults(2)), 400, "InvalidParameterValue");

    assertThat(ec2.describeVpcs(b -> b.maxResults(5)).vpcs()).hasSize(1);
  }

  @Test
  void describeVpcEndpointsPagesByMaxResults() {
    var made =
        java.util.List.of(
            interfaceEndpoint("logs"), interfaceEndpoint("sts"), interfaceEndpoint("xray"));

    var first = ec2.describeVpcEndpoints(b -> b.maxResults(2).vpcEndpointIds(made));
    var all =
        ec2
            .describeVpcEndpointsPaginator(b -> b.maxResults(2).vpcEndpointIds(made))
            .vpcEndpoints()
            .stream()
            .toList();

    assertThat(first.vpcEndpoints()).hasSize(2);
    assertThat(first.nextToken()).isNotNull();
    assertThat(all).hasSize(3);
    assertEc2Error(
        () -> ec2.describeVpcEndpoints(b -> b.nextToken("garbage")), 400, "InvalidPaginationToken");
    assertThat(
            ec2.describeVpcEndpoints(b -> b.maxResults(Integer.MAX_VALUE).vpcEndpointIds(made))
                .vpcEndpoints())
        .hasSize(3);
    assertThat(ec2.describeVpcEndpoints(b -> b.maxResults(-1).vpcEndpointIds(made)).vpcEndpoints())
        .hasSize(1);
  }

  @Test
  void createVpcEndpointChecksEnumsAndServiceNames() {
    assertEc2Error(
        () ->
            ec2.createVpcEndpoint(
                b ->
                    b.vpcId(VPC)
                        .vpcEndpointType("Bogus")
                        .serviceName("com.amazonaws.us-east-1.s3")),
        400,
        "InvalidParameterValue");
    assertEc2Error(
        () ->
            ec2.createVpcEndpoint(
                b -> b.vpcId(VPC).ipAddressType("ipv5").serviceName("com.amazonaws.us-east-1.s3")),
        400,
        "InvalidParameterValue");
    assertEc2Error(() -> interfaceEndpoint("no-such-service"), 400, "InvalidServiceName");
  }

  @Test
  void deleteVpcEndpointsWithoutIdsIsAMissingParameter() {
    assertEc2Error(() -> ec2.deleteVpcEndpoints(b -> {}), 400, "MissingParameter");
  }

  @Test
  void aDryRunThatWouldSucceedAnswersDryRunOperationAndChangesNothing() {
    var before = ec2.describeVpcEndpoints().vpcEndpoints().size();
    assertEc2Error(() -> ec2.describeVpcs(b -> b.dryRun(true)), 412, "DryRunOperation");
    assertEc2Error(
        () ->
            ec2.createVpcEndpoint(
                b ->
                    b.dryRun(true)
                        .vpcId(VPC)
                        .vpcEndpointType("Interface")
                        .serviceName("com.amazonaws.us-east-1.logs")),
        412,
        "DryRunOperation");
    assertEc2Error(
        () -> ec2.describeVpcs(b -> b.dryRun(true).maxResults(1)), 400, "InvalidParameterValue");

    assertThat(ec2.describeVpcEndpoints().vpcEndpoints()).hasSize(before);
  }

  @Test
  void aMaxResultsBeyondAnIntegerIsAnInvalidParameterNotAServerError() throws Exception {
    var form = "Action=DescribeVpcEndpoints&Version=2016-11-15&MaxResults=99999999999";
    var answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(emulator.endpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>InvalidParameterValue</Code>");
  }
}
