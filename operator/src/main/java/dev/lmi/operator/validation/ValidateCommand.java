package dev.lmi.operator.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code lmi-operator validate}: checks manifests offline as the API server would admit them. */
@Command(
    name = "validate",
    sortOptions = false,
    description = {
      "Checks lmi.dev manifests offline against the CRDs built into this jar: schema defaults, the"
          + " OpenAPI schema (types, ranges, patterns, enums, unknown fields), every CEL rule and"
          + " the AWS limits a CRD cannot express, then across the given files: a function's"
          + " CapacityProvider is among them, the architectures match, the provider allows the"
          + " function's namespace, the functions' minimum execution environments fit their"
          + " provider's maxVCpuCount, and no object is declared twice.",
      "YAML is read as kubectl reads it: documents split at \"---\" lines, anchors, aliases and"
          + " merge keys resolved, duplicate keys rejected. Documents of other API groups are"
          + " skipped unless --strict; the items of a List are checked one by one."
    },
    footer = {
      "",
      "Output: one line per problem on stdout, unusable input and a summary on stderr:",
      "  <file>:<line>:<column>: <Kind>/<namespace/name>: <field path>: <message>",
      "Warnings (valid, but will not work as written, e.g. a maximum the provider's maxVCpuCount"
          + " cannot hold) read \"<file>:<line>:<column>: warning: <Kind>/...\" and do not change"
          + " the exit status.",
      "With --output json, stdout is always one JSON array (also on exit 2) of {file, line,"
          + " column, document, kind, namespace, name, path, message, unusable, warning}.",
      "",
      "Limits: 3 MiB per document (the API server's request limit), 64 MiB and 10000 documents"
          + " in all, 10000 YAML files and 100000 directory entries, nesting 100 deep, 250000"
          + " values per document once aliases are expanded, 100 problems reported per object. Only"
          + " regular files are read.",
      "",
      "Exit status: 0 no problem (warnings allowed), 1 problems found, 2 unusable input"
          + " (unreadable, not a regular"
          + " file, not YAML, over a limit, unknown lmi.dev kind, nothing to validate)."
    })
public class ValidateCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format {
    text,
    json
  }

  /** Runs the validation proper; a seam for tests. */
  interface Run {
    ManifestValidator.Report validate(List<Path> paths);
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE_OR_DIR",
      description =
          "YAML files (multi-document), or directories whose *.yaml and *.yml files are read.")
  private List<Path> paths;

  @Option(
      names = "--output",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "text or json. Default: ${DEFAULT-VALUE}.")
  private Format output;

  @Option(
      names = "--strict",
      description = "Treat documents that are not lmi.dev objects as unusable input (exit 2).")
  private boolean strict;

  @Option(
      names = {"-R", "--recursive"},
      description = "Also search the directories below each directory given, as kubectl -R does.")
  private boolean recursive;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  private boolean help;

  // Caught here rather than by picocli, so that --output json still prints JSON for them.
  @Unmatched private List<String> unmatched = new ArrayList<>();

  @Spec private CommandSpec spec;

  private final InputLimits limits;
  private final Run run;

  public ValidateCommand() {
    this(InputLimits.DEFAULTS, null);
  }

  ValidateCommand(InputLimits limits, Run run) {
    this.limits = limits;
    this.run = run;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    if (!unmatched.isEmpty()) {
      return fatal("validate: unknown option(s) " + String.join(" ", unmatched) + " (see --help)");
    }
    ManifestValidator.Report report;
    try {
      report = validate();
    } catch (OutOfMemoryError e) {
      return fatal("validate: out of memory (raise -Xmx, or validate fewer files at once)");
    } catch (StackOverflowError e) {
      return fatal("validate: input nested too deeply to check");
    } catch (RuntimeException e) {
      return fatal("validate: internal error: " + e);
    }
    print(report);
    if (!report.unusable().isEmpty()) {
      return 2;
    }
    return report.problems().stream().allMatch(Problem::warning) ? 0 : 1;
  }

  private ManifestValidator.Report validate() {
    if (run != null) {
      return run.validate(paths);
    }
    return new ManifestValidator(new ObjectValidator(), strict, recursive, limits).validate(paths);
  }

  // One line, never a stack trace: the error is the JVM's or a library's, not the input's author's.
  private int fatal(String message) throws JsonProcessingException {
    if (output == Format.json) {
      var entry = Problem.unusable(null, null, null, message);
      spec.commandLine().getOut().println(json(List.of(entry)));
      spec.commandLine().getOut().flush();
    }
    spec.commandLine().getErr().println(message);
    spec.commandLine().getErr().flush();
    return 2;
  }

  private static String json(List<Problem> entries) throws JsonProcessingException {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(entries);
  }

  private void print(ManifestValidator.Report report) throws JsonProcessingException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (output == Format.json) {
      var all = new ArrayList<>(report.problems());
      all.addAll(report.unusable());
      out.println(json(all));
    } else {
      report.problems().forEach(p -> out.println(p.toLine()));
    }
    report.unusable().forEach(p -> err.println(p.toLine()));
    err.println(summary(report));
    out.flush();
    err.flush();
  }

  private static String summary(ManifestValidator.Report report) {
    var counts = report.documents() + " lmi.dev document(s) in " + report.files() + " file(s)";
    var warnings = report.problems().stream().filter(Problem::warning).count();
    var broken = report.problems().size() - warnings;
    var warned = warnings == 0 ? "" : "; " + warnings + " warning(s)";
    if (!report.unusable().isEmpty()) {
      return "validate: unusable input (" + report.unusable().size() + "); " + counts;
    }
    if (broken == 0) {
      return report.documents() + " documents valid (" + report.files() + " file(s))" + warned;
    }
    return broken + " problem(s) in " + counts + warned;
  }
}
