package dev.lmi.release;

import com.marcnuri.helm.Helm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `./dev chart`: lints the chart strictly and packages it (helm-java, no helm binary needed);
 * `./dev chart login HOST USER` (password from REGISTRY_PASSWORD) and `./dev chart push CHART.tgz
 * oci://REGISTRY/PATH` publish a package as an OCI artifact.
 */
@Command(name = "chart", mixinStandardHelpOptions = true)
public final class ChartTool implements Callable<Integer> {
  @Parameters(
      arity = "0..3",
      description =
          "Nothing (lint and package), or: push CHART.tgz oci://REGISTRY/PATH, or: login HOST USER")
  java.util.List<String> args = java.util.List.of();

  @Option(names = "--chart", description = "The chart directory.")
  Path chart = Path.of("helm/lmi-operator");

  @Option(names = "--destination", description = "Where the package goes.")
  Path destination = Path.of("helm/target");

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChartTool()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!args.isEmpty()) {
      return publish();
    }
    var problems = lint(chart);
    if (!problems.isEmpty()) {
      System.err.println("helm lint --strict " + chart + ":\n" + String.join("\n", problems));
      return 1;
    }
    System.out.println("helm lint --strict " + chart + ": no warnings, no errors");
    System.out.println(packageChart(chart, destination));
    return 0;
  }

  private int publish() {
    var usage = "usage: chart push CHART.tgz oci://REGISTRY/PATH | chart login HOST USER";
    if (args.size() == 3 && args.get(0).equals("login")) {
      var password = System.getenv("REGISTRY_PASSWORD");
      if (password == null || password.isBlank()) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "chart login reads the password from REGISTRY_PASSWORD");
      }
      System.out.println(
          Helm.registry()
              .login()
              .withHost(args.get(1))
              .withUsername(args.get(2))
              .withPassword(password)
              .call());
      return 0;
    }
    if (args.size() != 3 || !args.get(0).equals("push") || !args.get(2).startsWith("oci://")) {
      throw new CommandLine.ParameterException(new CommandLine(this), usage);
    }
    if (!Files.isRegularFile(Path.of(args.get(1)))) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), args.get(1) + " does not exist: run ./dev chart first");
    }
    System.out.println(
        Helm.push().withChart(Path.of(args.get(1))).withRemote(URI.create(args.get(2))).call());
    return 0;
  }

  /** Lint problems (warnings count, as with --strict); empty when the chart is clean. */
  static java.util.List<String> lint(Path chart) {
    var result = new Helm(chart).lint().strict().call();
    var problems =
        result.getMessages().stream()
            .filter(m -> m.contains("[WARNING]") || m.contains("[ERROR]"))
            .toList();
    return result.isFailed() && problems.isEmpty() ? result.getMessages() : problems;
  }

  /** Packages the chart into the directory; returns the package's path. */
  static Path packageChart(Path chart, Path destination) throws java.io.IOException {
    Files.createDirectories(destination);
    new Helm(chart).packageIt().withDestination(destination).call();
    var meta =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(chart.resolve("Chart.yaml").toFile());
    return destination.resolve(
        meta.path("name").asText() + "-" + meta.path("version").asText() + ".tgz");
  }
}
