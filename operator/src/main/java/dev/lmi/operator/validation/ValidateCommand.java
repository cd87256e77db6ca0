package dev.lmi.operator.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lmi-operator validate}: checks manifests offline as the API server would admit them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks lmi.dev manifests offline against the CRDs built into this jar: schema defaults, the"
          + " OpenAPI schema (types, ranges, patterns, enums, unknown fields) and every CEL rule,"
          + " then cross-object rules within the given files: a function's CapacityProvider is"
          + " among them, the architectures match and the provider allows the function's"
          + " namespace.",
      "Documents of other API groups (a Namespace, a ConfigMap...) are skipped unless --strict;"
          + " the items of a List are checked one by one."
    },
    footer = {
      "",
      "Prints one line per problem on stdout:",
      "  <file>:<doc#>: <Kind>/<namespace/name>: <field path>: <message>",
      "and a summary on stderr.",
      "Exit status: 0 no problem, 1 problems found, 2 unusable input (unreadable file, not"
          + " YAML, not a mapping, no apiVersion or kind, unknown lmi.dev kind)."
    })
public class ValidateCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format {
    text,
    json
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE_OR_DIR",
      description = "YAML files (multi-document), or directories searched for *.yaml and *.yml.")
  private List<Path> paths;

  @Option(
      names = "--output",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "text (default) or json: a JSON array of {file, document, kind, namespace, name, path,"
              + " message}.")
  private Format output;

  @Option(
      names = "--strict",
      description = "Treat documents that are not lmi.dev objects as unusable input (exit 2).")
  private boolean strict;

  @Spec private CommandSpec spec;

  public ValidateCommand() {}

  @Override
  public Integer call() throws JsonProcessingException {
    var report = new ManifestValidator(new ObjectValidator(), strict).validate(paths);
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (output == Format.json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(report.problems()));
    } else {
      report.problems().forEach(p -> out.println(p.toLine()));
    }
    report.unusable().forEach(err::println);
    err.println(summary(report));
    out.flush();
    err.flush();
    if (!report.unusable().isEmpty()) {
      return 2;
    }
    return report.problems().isEmpty() ? 0 : 1;
  }

  private static String summary(ManifestValidator.Report report) {
    var counts = report.documents() + " lmi.dev document(s) in " + report.files() + " file(s)";
    if (!report.unusable().isEmpty()) {
      return "validate: unusable input (" + report.unusable().size() + "); " + counts;
    }
    if (report.problems().isEmpty()) {
      return report.documents() + " documents valid (" + report.files() + " file(s))";
    }
    return report.problems().size() + " problem(s) in " + counts;
  }
}
