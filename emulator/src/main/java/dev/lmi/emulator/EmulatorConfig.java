package dev.lmi.emulator;

import java.nio.file.Path;

/** Settings of one emulator instance; use {@link #defaults()} and the withers. */
public record EmulatorConfig(
    int port, String region, String accountId, Timings timings, Path fixturesFile, Path codeDir) {

  public static EmulatorConfig defaults() {
    return new EmulatorConfig(0, "us-east-1", "123456789012", Timings.fast(), null, null);
  }

  public EmulatorConfig withPort(int p) {
    return new EmulatorConfig(p, region, accountId, timings, fixturesFile, codeDir);
  }

  public EmulatorConfig withRegion(String r) {
    return new EmulatorConfig(port, r, accountId, timings, fixturesFile, codeDir);
  }

  public EmulatorConfig withAccountId(String a) {
    return new EmulatorConfig(port, region, a, timings, fixturesFile, codeDir);
  }

  public EmulatorConfig withTimings(Timings t) {
    return new EmulatorConfig(port, region, accountId, t, fixturesFile, codeDir);
  }

  public EmulatorConfig withFixturesFile(Path p) {
    return new EmulatorConfig(port, region, accountId, timings, p, codeDir);
  }

  public EmulatorConfig withCodeDir(Path p) {
    return new EmulatorConfig(port, region, accountId, timings, fixturesFile, p);
  }
}
