package dev.lmi.operator.preview;

import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.aws.AwsCalls;
import dev.lmi.operator.aws.AwsClients;
import dev.lmi.operator.capacity.PriceTable;
import dev.lmi.operator.capacity.PriceTableException;
import dev.lmi.operator.capacity.PriceTables;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.validation.InputLimits;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code lmi-operator plan}: what the operator would do in AWS for these manifests; writes nothing.
 */
@Command(
    name = "plan",
    sortOptions = false,
    exitCodeOnInvalidInput = 1,
    description = {
      "Reads lmi.dev manifests, reads AWS (read-only calls only: every write is refused before it"
          + " is sent) and prints, per object, what the operator would do: the steps with old →"
          + " new for every changed field (environment values never shown), and what it would"
          + " refuse. It runs the operator's own plan code; a manifest has no uid yet, so an AWS"
          + " resource whose owner tag names the same cluster, kind, namespace and name counts as"
          + " its own. Objects not in the manifests are not planned (no deletions are shown)."
    },
    footer = {
      "",
      "Output: text (+ create, ~ change, ! refused; unchanged objects are counted only), or with"
          + " --output json one JSON document (docs/plan.md describes its schema).",
      "Exit status: 0 success; with --detailed-exitcode 0 no changes, 2 changes; 1 errors (a"
          + " refusal, an AWS read that failed, input that could not be planned).",
      "AWS endpoint from AWS_ENDPOINT_URL, credentials from the default chain; the read-only IAM"
          + " policy it needs is helm/lmi-operator/iam-policy-plan.json."
    })
public class PlanCommand implements Callable<Integer> {
  // Region names as AWS forms them: us-east-1, us-gov-west-1, ap-southeast-5.
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

  /** Output formats. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = {"-f", "--filename"},
      arity = "1..*",
      required = true,
      paramLabel = "FILE_OR_DIR",
      description = "YAML files (multi-document), or directories whose *.yaml and *.yml are read.")
  private List<Path> paths;

  @Option(
      names = "--region",
      defaultValue = "${env:AWS_REGION}",
      description = "Default region, for objects without spec.region (env AWS_REGION).")
  private String region;

  @Option(
      names = "--output",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "text or json. Default: ${DEFAULT-VALUE}.")
  private Format output;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 0 with no changes, 2 with changes, 1 on errors (as terraform plan).")
  private boolean detailed;

  @Option(
      names = "--cluster-name",
      defaultValue = "${env:LMI_CLUSTER_NAME:-default}",
      description = "The operator's --cluster-name: whose owner tags count as these objects'.")
  private String clusterName;

  @Option(
      names = "--price-table",
      defaultValue = "${env:LMI_PRICE_TABLE}",
      paramLabel = "FILE",
      description =
          "The operator's --price-table, for the change in the estimated cost of each function"
              + " (default: the table in the jar).")
  private java.nio.file.Path priceTable;

  @Option(
      names = {"-R", "--recursive"},
      description = "Also read the directories below each directory given.")
  private boolean recursive;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  private boolean help;

  @Unmatched private List<String> unmatched = new ArrayList<>();

  @Spec private CommandSpec spec;

  private final Function<String, AwsClients> clients;

  public PlanCommand() {
    this(PlanCommand::clients);
  }

  /**
   * @param clients AWS clients for a default region (tests point them at an emulator)
   */
  PlanCommand(Function<String, AwsClients> clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() {
    if (!unmatched.isEmpty()) {
      return fatal("plan: unknown option(s) " + String.join(" ", unmatched) + " (see --help)");
    }
    try {
      new OperatorSettings(
          OperatorSettings.defaults().resync(),
          OperatorSettings.defaults().poll(),
          clusterName,
          "default");
    } catch (IllegalArgumentException e) {
      return fatal("plan: --cluster-name: " + e.getMessage());
    }
    PriceTable prices;
    try {
      prices =
          priceTable == null || priceTable.toString().isBlank()
              ? PriceTables.defaults()
              : PriceTables.load(priceTable);
    } catch (PriceTableException e) {
      return fatal("plan: --price-table: " + e.getMessage());
    }
    var resolved = region != null && !region.isBlank() ? region : defaultRegion();
    if (resolved == null) {
      return fatal("plan: no AWS region: set --region or AWS_REGION");
    }
    if (!REGION.matcher(resolved).matches()) {
      return fatal("plan: --region: \"" + resolved + "\" is not an AWS region (e.g. us-east-1)");
    }
    try {
      return print(plan(resolved, prices));
    } catch (PlanRun.Unreadable e) {
      return fatal("plan: could not read AWS, nothing was planned: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      return fatal("plan: out of memory (raise -Xmx, or plan fewer files at once)");
    } catch (StackOverflowError e) {
      return fatal("plan: input nested too deeply to plan");
    } catch (RuntimeException e) {
      return fatal("plan: internal error: " + e);
    }
  }

  private PlanReport plan(String resolved, PriceTable prices) {
    var input = PlanInput.read(paths, recursive, InputLimits.DEFAULTS);
    var entries = new ArrayList<ObjectPlan>(input.invalid());
    if (!input.providers().isEmpty() || !input.functions().isEmpty()) {
      try (var aws = clients.apply(resolved)) {
        var run = new PlanRun(ReadOnlyGateways.regional(aws), clusterName, pace(), prices);
        entries.addAll(run.plan(input.providers(), input.functions()));
      }
    }
    return PlanReport.of(resolved, clusterName, entries, input.problems());
  }

  private int print(PlanReport report) {
    var out = spec.commandLine().getOut();
    out.print(output == Format.json ? report.json() + "\n" : PlanText.render(report));
    out.flush();
    if (report.failed()) {
      return 1;
    }
    return detailed && report.changes() ? 2 : 0;
  }

  private static Pace pace() {
    return OperatorSettings.defaults().pace();
  }

  private int fatal(String message) {
    spec.commandLine().getErr().println(message);
    spec.commandLine().getErr().flush();
    return 1;
  }

  private static String defaultRegion() {
    try {
      return new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain()
          .getRegion()
          .id();
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      return null;
    }
  }

  private static AwsClients clients(String region) {
    var endpoint = System.getenv("AWS_ENDPOINT_URL");
    return new AwsClients(
        region,
        endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
        null,
        new AwsCalls(new OperatorMetrics(), 20, 1));
  }
}
