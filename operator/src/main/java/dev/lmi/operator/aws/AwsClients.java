package dev.lmi.operator.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Builds SDK clients once per region and wraps them in gateways. Credentials come from the default
 * chain (IRSA, EKS Pod Identity, environment); the endpoint from AWS_ENDPOINT_URL or an override.
 */
public final class AwsClients implements RegionalGateways, AutoCloseable {
  private final String defaultRegion;
  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private final AwsCalls calls;
  private final Map<String, Gateways> byRegion = new ConcurrentHashMap<>();
  private final List<SdkClient> clients = new ArrayList<>();

  public AwsClients(
      String defaultRegion, URI endpoint, AwsCredentialsProvider credentials, AwsCalls calls) {
    this.defaultRegion = defaultRegion;
    this.endpoint = endpoint;
    this.credentials =
        credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
    this.calls = calls;
  }

  @Override
  public String defaultRegion() {
    return defaultRegion;
  }

  @Override
  public Gateways forRegion(String region) {
    return byRegion.computeIfAbsent(region == null ? defaultRegion : region, this::build);
  }

  private synchronized Gateways build(String region) {
    var http = ApacheHttpClient.builder().maxConnections(64).socketTimeout(Duration.ofSeconds(30));
    var lambdaBuilder =
        LambdaClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClientBuilder(http)
            .overrideConfiguration(c -> c.addExecutionInterceptor(new NewerMembers()));
    var ec2Builder =
        Ec2Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClientBuilder(http);
    var cloudwatchBuilder =
        CloudWatchClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClientBuilder(http);
    if (endpoint != null) {
      lambdaBuilder.endpointOverride(endpoint);
      ec2Builder.endpointOverride(endpoint);
      cloudwatchBuilder.endpointOverride(endpoint);
    }
    var lambda = lambdaBuilder.build();
    var ec2 = ec2Builder.build();
    var cloudwatch = cloudwatchBuilder.build();
    clients.add(lambda);
    clients.add(ec2);
    clients.add(cloudwatch);
    return new Gateways(
        new AwsCapacityProviderGateway(lambda, calls),
        new AwsFunctionGateway(lambda, calls),
        new AwsAliasGateway(lambda, calls),
        new AwsNetworkGateway(ec2, calls),
        new AwsMetricsGateway(cloudwatch, calls));
  }

  @Override
  public synchronized void close() {
    clients.forEach(SdkClient::close);
  }
}
