package dev.lmi.devkit;

import dev.lmi.devkit.bench.BenchCommand;
import dev.lmi.devkit.local.LocalCommand;
import dev.lmi.operator.ProjectVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** Entry point of the development kit: `local` runs the whole loop here, `bench` measures. */
@Command(
    name = "lmi-devkit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "The operator's development kit: the local mode and the scale benchmark, each running the"
          + " operator in the sandbox (a mock Kubernetes API, the LMI emulator, DynamoDB Local) on"
          + " loopback.",
      "Not for clusters: the operator itself is operator/target/lmi-operator.jar."
    },
    subcommands = {LocalCommand.class, BenchCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    dev.lmi.operator.Main.configureLogging(args);
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** "lmi-devkit" and the version the build stamped into this jar. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"lmi-devkit " + ProjectVersion.of(Main.class)};
    }
  }
}
