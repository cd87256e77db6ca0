package dev.lmi.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.lmi.emulator.admin.AdminApi;
import dev.lmi.emulator.admin.AdminRoutes;
import dev.lmi.emulator.admin.Counters;
import dev.lmi.emulator.admin.FaultInjector;
import dev.lmi.emulator.code.CodeStore;
import dev.lmi.emulator.ec2.Ec2Fixture;
import dev.lmi.emulator.ec2.Ec2Service;
import dev.lmi.emulator.ec2.Ec2State;
import dev.lmi.emulator.http.Dispatcher;
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

/** Embeddable emulator: starts the HTTP server in-process. */
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
    try {
      var fixture =
          config.fixturesFile() == null
              ? Ec2Fixture.defaults(config.region())
              : Ec2Fixture.load(config.fixturesFile());
      var lambda =
          new LambdaState(
              config.region(),
              config.accountId(),
              config.timings(),
              new CodeStore(config.codeDir()));
      var counters = new Counters();
      var faults = new FaultInjector();
      var admin = new AdminApi(counters, faults, lambda);
      var services =
          List.of(
              new LambdaService(lambda),
              new StsService(config.accountId()),
              new Ec2Service(new Ec2State(config.region(), config.accountId(), fixture)));
      var server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 256);
      var executor = Executors.newVirtualThreadPerTaskExecutor();
      server.setExecutor(executor);
      server.createContext(
          "/", new Dispatcher(services, AdminRoutes.create(admin), counters, faults));
      server.start();
      return new LmiEmulator(config, server, executor, lambda, admin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
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
