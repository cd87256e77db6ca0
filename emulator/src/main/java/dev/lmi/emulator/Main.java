package dev.lmi.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: runs the emulator on a port until the process is stopped. */
@Command(
    name = "lmi-emulator",
    mixinStandardHelpOptions = true,
    description = "Local stand-in for the Lambda (incl. Managed Instances), EC2 and STS APIs.")
public final class Main implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "4566",
      description = "Port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to bind; 0.0.0.0 serves other hosts or containers (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "Region in ARNs and endpoints (default ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--account-id",
      defaultValue = "123456789012",
      description = "Account in ARNs (default ${DEFAULT-VALUE}).")
  String accountId;

  @Option(
      names = "--fixtures",
      description =
          "EC2 fixture file, YAML or JSON (default: the built-in VPC, subnets and groups).")
  Path fixtures;

  @Option(
      names = "--code-dir",
      description =
          "Folder holding S3 objects as <bucket>/<key> (default: none, so functions cannot run).")
  Path codeDir;

  @Option(
      names = "--delay-ms",
      description = "Duration of every asynchronous transition in ms (default: the fast timings).")
  Long delayMs;

  @Option(
      names = "--no-rate-limit",
      description = "Disable the 1 rps capacity-provider write quota.")
  boolean noRateLimit;

  @Option(
      names = "--no-capacity-limits",
      description =
          "Let function versions start even when their execution environments do not fit their"
              + " capacity provider's MaxVCpuCount (by default they fail with"
              + " CapacityProviderScalingLimitExceeded, as on AWS).")
  boolean noCapacityLimits;

  @Option(
      names = "--allowed-origin",
      description =
          "Serve requests from this browser origin (repeatable; '*' = any). By default a request"
              + " carrying an Origin header, i.e. sent by a web page, is refused.")
  List<String> allowedOrigins = new ArrayList<>();

  @Option(
      names = "--allowed-host",
      description =
          "Serve requests whose Host header names this host (repeatable; '*' = any). Loopback names"
              + " are always served; others are refused (DNS rebinding).")
  List<String> allowedHosts = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** The configuration these command-line options describe. */
  EmulatorConfig config() {
    var timings =
        delayMs == null ? Timings.fast() : Timings.fast().withAllDelays(Duration.ofMillis(delayMs));
    return new EmulatorConfig(
        port,
        region,
        accountId,
        timings.withProviderWriteRateLimit(!noRateLimit),
        fixtures,
        codeDir,
        allowedOrigins,
        allowedHosts,
        !noCapacityLimits,
        java.time.Clock.systemUTC());
  }

  @Override
  public Integer call() throws Exception {
    var address = java.net.InetAddress.getByName(host);
    var emulator = LmiEmulator.start(config(), address);
    if (address.isAnyLocalAddress() && allowedHosts.isEmpty()) {
      System.err.println(
          "lmi-emulator: serving every interface, but only requests naming a loopback host; add"
              + " --allowed-host NAME for each name other machines or containers use.");
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    System.out.println("lmi-emulator listening on " + emulator.endpoint());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
