package dev.lmi.operator;

import dev.lmi.operator.logging.JsonLogProvider;
import dev.lmi.operator.preview.PlanCommand;
import dev.lmi.operator.validation.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: `run` (the default) starts the operator; `validate` checks manifests offline; `plan`
 * shows what the operator would do in AWS.
 */
@Command(
    name = "lmi-operator",
    mixinStandardHelpOptions = true,
    versionProvider = ProjectVersion.class,
    description = "Kubernetes operator for AWS Lambda Managed Instances.",
    subcommands = {RunCommand.class, ValidateCommand.class, PlanCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("local") || args[0].equals("bench"))) {
      // They were commands of this jar; a script or a habit may still ask for them here.
      System.err.printf(
          "`%1$s` is not part of the operator: run ./dev %1$s, or java -jar"
              + " devkit/target/lmi-devkit.jar %1$s%n",
          args[0]);
      System.exit(2);
    }
    configureLogging(args);
    var cli = new CommandLine(new Main());
    var effective =
        args.length == 0 || args[0].startsWith("-") && !isHelpOrVersion(args[0])
            ? prepend("run", args)
            : args;
    System.exit(cli.execute(effective));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * SLF4J picks its provider and levels once, when the first logger is made, so --log-level and
   * --log-format (or LMI_LOG_LEVEL, LMI_LOG_FORMAT) are applied before anything logs.
   */
  public static void configureLogging(String[] args) {
    var level = option(args, "--log-level", System.getenv("LMI_LOG_LEVEL"));
    if (level != null && !level.isBlank()) {
      System.setProperty(
          "org.slf4j.simpleLogger.log.dev.lmi", level.toLowerCase(java.util.Locale.ROOT));
    }
    if ("json".equals(option(args, "--log-format", System.getenv("LMI_LOG_FORMAT")))) {
      System.setProperty("slf4j.provider", JsonLogProvider.class.getName());
      // SLF4J announces an explicitly chosen provider on stderr: a line that is not JSON.
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  private static String option(String[] args, String name, String fallback) {
    var value = fallback;
    for (var i = 0; i < args.length; i++) {
      if (args[i].startsWith(name + "=")) {
        value = args[i].substring(name.length() + 1);
      } else if (args[i].equals(name) && i + 1 < args.length) {
        value = args[i + 1];
      }
    }
    return value;
  }

  private static boolean isHelpOrVersion(String arg) {
    return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
  }

  private static String[] prepend(String first, String[] rest) {
    var out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
