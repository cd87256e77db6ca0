package dev.lmi.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Settings of one emulator instance; use {@link #defaults()} and the withers.
 *
 * @param allowedOrigins browser origins whose requests are served (none by default; "*" = any)
 * @param allowedHosts Host header names served besides the loopback ones ("*" = any)
 * @param capacityLimits whether a function version whose execution environments do not fit its
 *     capacity provider's MaxVCpuCount fails, as on AWS
 * @param clock CloudWatch's time: metric timestamps, alarm evaluation, state timestamps
 */
public record EmulatorConfig(
    int port,
    String region,
    String accountId,
    Timings timings,
    Path fixturesFile,
    Path codeDir,
    List<String> allowedOrigins,
    List<String> allowedHosts,
    boolean capacityLimits,
    Clock clock) {

  public EmulatorConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** The six settings that existed before the browser and host options; those allow nothing. */
  public EmulatorConfig(
      int port, String region, String accountId, Timings timings, Path fixturesFile, Path codeDir) {
    this(port, region, accountId, timings, fixturesFile, codeDir, List.of(), List.of());
  }

  /** The eight settings that existed before capacity limits and the clock (limits on, as AWS). */
  public EmulatorConfig(
      int port,
      String region,
      String accountId,
      Timings timings,
      Path fixturesFile,
      Path codeDir,
      List<String> allowedOrigins,
      List<String> allowedHosts) {
    this(
        port,
        region,
        accountId,
        timings,
        fixturesFile,
        codeDir,
        allowedOrigins,
        allowedHosts,
        true,
        Clock.systemUTC());
  }

  public static EmulatorConfig defaults() {
    return new EmulatorConfig(
        0, "us-east-1", "123456789012", Timings.fast(), null, null, List.of(), List.of());
  }

  public EmulatorConfig withPort(int p) {
    return new EmulatorConfig(
        p,
        region,
        accountId,
        timings,
        fixturesFile,
        codeDir,
        allowedOrigins,
        allowedHosts,
        capacityLimits,
        clock);
  }

  public EmulatorConfig withRegion(String r) {
    return new EmulatorConfig(
        port,
        r,
        accountId,
        timings,
        fixturesFile,
        codeDir,
        allowedOrigins,
        allowedHosts,
        capacityLimits,
        clock);
  }

  public EmulatorConfig withAccountId(String a) {
    return new EmulatorConfig(
        port,
        region,
        a,
        timings,
        fixturesFile,
        codeDir,
        allowedOrigins,
        allowedHosts,
        capacityLimits,
        clock);
  }

  public EmulatorConfig withTimings(Timings t) {
    return new EmulatorConfig(
        port,
        region,
        accountId,
        t,
        fixturesFile,
        codeDir,
        allowedOrigins,
        allowedHosts,
        capacityLimits,
        clock);
  }

  public EmulatorConfig withFixturesFile(Path p) {
    return new EmulatorConfig(
        port,
        region,
        accountId,
        timings,
        p,
        codeDir,
        allowedOrigins,
        allowedHosts,
        capacityLimits,
        clock);
  }

  public EmulatorConfig withCodeDir(Path p) {
    return new EmulatorConfig(
        port,
        region,
        accountId,
        timings,
        fixturesFile,
        p,
        allowedOrigins,
        allowedHosts,
        capacityLimits,
        clock);
  }

  /** Serves requests from these browser origins (e.g. {@code http://localhost:3000}). */
  public EmulatorConfig withAllowedOrigins(List<String> origins) {
    return new EmulatorConfig(
        port,
        region,
        accountId,
        timings,
        fixturesFile,
        codeDir,
        origins,
        allowedHosts,
        capacityLimits,
        clock);
  }

  /** Serves requests whose Host header names one of these hosts (e.g. a container's name). */
  public EmulatorConfig withAllowedHosts(List<String> hosts) {
    return new EmulatorConfig(
        port,
        region,
        accountId,
        timings,
        fixturesFile,
        codeDir,
        allowedOrigins,
        hosts,
        capacityLimits,
        clock);
  }

  /**
   * Fails versions that do not fit their provider's MaxVCpuCount
   * (CapacityProviderScalingLimitExceeded).
   */
  public EmulatorConfig withCapacityLimits(boolean on) {
    return new EmulatorConfig(
        port,
        region,
        accountId,
        timings,
        fixturesFile,
        codeDir,
        allowedOrigins,
        allowedHosts,
        on,
        clock);
  }

  /** CloudWatch reads the time from this clock (tests move it to cross periods and evaluations). */
  public EmulatorConfig withClock(Clock c) {
    return new EmulatorConfig(
        port,
        region,
        accountId,
        timings,
        fixturesFile,
        codeDir,
        allowedOrigins,
        allowedHosts,
        capacityLimits,
        c);
  }
}
