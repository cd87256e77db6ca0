package dev.lmi.operator.validation;

import dev.lmi.operator.api.Api;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates manifest files offline: each lmi.dev object against its CRD as soon as it is read, then
 * the functions against the capacity providers of the same run, and objects declared twice. Only
 * what the cross-object checks need is kept from one document to the next.
 */
public final class ManifestValidator {
  /** What a run found: problems in valid input, input that could not be checked, and counts. */
  public record Report(List<Problem> problems, List<Problem> unusable, int documents, int files) {}

  private final ObjectValidator validator;
  private final boolean strict;
  private final boolean recursive;
  private final InputLimits limits;

  /**
   * {@code strict}: documents of other API groups are unusable input instead of skipped; {@code
   * recursive}: directories are searched below their own files too (kubectl's -R).
   */
  public ManifestValidator(
      ObjectValidator validator, boolean strict, boolean recursive, InputLimits limits) {
    this.validator = validator;
    this.strict = strict;
    this.recursive = recursive;
    this.limits = limits;
  }

  /** The objects of the manifests, each with its own problems, for commands that act on them. */
  public record Objects(
      List<ManifestObject> objects, List<Problem> unusable, List<Problem> duplicates) {}

  /**
   * Reads the manifests and checks each object on its own (schema, CEL, AWS limits), not across
   * objects: the caller judges how they fit together. Objects without a namespace get "default".
   */
  public Objects read(List<Path> paths) {
    var run = new ManifestRun(validator, strict);
    try {
      var files = ManifestFiles.expand(paths, recursive, limits, run.unusable());
      var budget = new InputBudget(limits);
      for (var file : files) {
        ManifestReader.read(file, limits, budget, run);
      }
    } catch (InputLimitException e) {
      run.unusable().add(Problem.unusable(null, null, null, e.getMessage()));
    }
    var objects = new ArrayList<ManifestObject>();
    for (var c : run.checked()) {
      var own =
          run.problems().stream()
              .filter(p -> java.util.Objects.equals(p.file(), c.file()))
              .filter(p -> java.util.Objects.equals(p.document(), c.document()))
              .filter(p -> c.kind().kind().equals(p.kind()) && c.name().equals(p.name()))
              .filter(p -> java.util.Objects.equals(p.namespace(), c.namespace()))
              .toList();
      if (c.typed() instanceof io.fabric8.kubernetes.api.model.HasMetadata o
          && c.namespace() != null
          && o.getMetadata().getNamespace() == null) {
        o.getMetadata().setNamespace(c.namespace());
      }
      objects.add(new ManifestObject(c.kind().kind(), c.namespace(), c.name(), c.typed(), own));
    }
    return new Objects(objects, List.copyOf(run.unusable()), DuplicateObjects.find(run.checked()));
  }

  public Report validate(List<Path> paths) {
    var run = new ManifestRun(validator, strict);
    var files = List.<Path>of();
    var stopped = false;
    try {
      files = ManifestFiles.expand(paths, recursive, limits, run.unusable());
      var budget = new InputBudget(limits);
      for (var file : files) {
        ManifestReader.read(file, limits, budget, run);
      }
    } catch (InputLimitException e) {
      run.unusable().add(Problem.unusable(null, null, null, e.getMessage()));
      stopped = true;
    }
    var problems = new ArrayList<>(run.problems());
    problems.addAll(CrossObjectProblems.find(run.checked()));
    problems.addAll(DuplicateObjects.find(run.checked()));
    var unusable = new ArrayList<>(run.unusable());
    if (run.checked().isEmpty() && !stopped) {
      unusable.add(
          Problem.unusable(
              null,
              null,
              null,
              "nothing to validate: no %s object found (%d YAML file(s), %d document(s) of other"
                      .formatted(Api.GROUP, files.size(), run.skipped())
                  + " API groups skipped)"));
    }
    return new Report(
        List.copyOf(problems), List.copyOf(unusable), run.checked().size(), files.size());
  }
}
