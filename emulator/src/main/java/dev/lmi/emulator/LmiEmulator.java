package dev.lmi.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.lmi.emulator.admin.AdminApi;
import dev.lmi.emulator.admin.AdminRoutes;
import dev.lmi.emulator.admin.Counters;
import dev.lmi.emulator.admin.FaultInjector;
import dev.lmi.emulator.cloudwatch.CloudWatchService;
import dev.lmi.emulator.cloudwatch.CloudWatchState;
import dev.lmi.emulator.cloudwatch.LambdaMetrics;
import dev.lmi.emulator.code.CodeStore;
import dev.lmi.emulator.ec2.Ec2Fixture;
import dev.lmi.emulator.ec2.Ec2Service;
import dev.lmi.emulator.ec2.Ec2State;
import dev.lmi.emulator.http.AwsService;
import dev.lmi.emulator.http.Dispatcher;
import dev.lmi.emulator.http.RequestGuard;
import dev.lmi.emulator.lambda.LambdaService;
import dev.lmi.emulator.lambda.LambdaState;
import dev.lmi.emulator.sts.StsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Embeddable emulator: starts the HTTP server in-process (Lambda, CloudWatch, EC2, STS). */
public final class LmiEmulator implements AutoCloseable {
  private final EmulatorConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final LambdaState lambda;
  private final AdminApi admin;

  private LmiEmulator(
      EmulatorConfig config,
      HttpServer server,
      ExecutorService executor,
      LambdaState lambda,
      AdminApi admin) {
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.lambda = lambda;
    this.admin = admin;
  }

  /** Binds the loopback port (0 = random), loads fixtures and starts serving. */
  public static LmiEmulator start(EmulatorConfig config) {
    return start(config, InetAddress.getLoopbackAddress());
  }

  /** Like {@link #start(EmulatorConfig)} on another address, e.g. 0.0.0.0 inside a container. */
  public static LmiEmulator start(EmulatorConfig config, InetAddress bindAddress) {
    try {
      var lambda =
          new LambdaState(
              config.region(),
              config.accountId(),
              config.timings(),
              new CodeStore(config.codeDir()),
              config.capacityLimits());
      var cloudWatch = new CloudWatchState(config.region(), config.accountId(), config.clock());
      var counters = new Counters();
      var faults = new FaultInjector();
      var admin = new AdminApi(counters, faults, lambda);
      var guard = new RequestGuard(config.allowedOrigins(), config.allowedHosts(), bindAddress);
      var dispatcher =
          new Dispatcher(
              services(config, lambda, cloudWatch),
              AdminRoutes.create(admin),
              counters,
              faults,
              guard);
      var server = HttpServer.create(new InetSocketAddress(bindAddress, config.port()), 256);
      var executor = Executors.newVirtualThreadPerTaskExecutor();
      server.setExecutor(executor);
      server.createContext("/", dispatcher);
      server.start();
      return new LmiEmulator(config, server, executor, lambda, admin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<AwsService> services(
      EmulatorConfig config, LambdaState lambda, CloudWatchState cloudWatch) throws IOException {
    var fixture =
        config.fixturesFile() == null
            ? Ec2Fixture.defaults(config.region())
            : Ec2Fixture.load(config.fixturesFile());
    return List.of(
        new LambdaService(lambda, new LambdaMetrics(cloudWatch)),
        new CloudWatchService(cloudWatch),
        new StsService(config.accountId()),
        new Ec2Service(new Ec2State(config.region(), config.accountId(), fixture)));
  }

  /** The base URL clients use; a wildcard bind is reported as 127.0.0.1. */
  public URI endpoint() {
    var address = server.getAddress().getAddress();
    var host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    return URI.create("http://" + host + ":" + server.getAddress().getPort());
  }

  public String region() {
    return config.region();
  }

  public String accountId() {
    return config.accountId();
  }

  public EmulatorAdmin admin() {
    return admin;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    lambda.close();
  }
}
