package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.operator.api.Api;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates manifest files offline: each lmi.dev object against its CRD, then the functions against
 * the capacity providers found in the same set of files.
 */
public final class ManifestValidator {
  /** What a run found: problems in valid input, input that could not be checked, and counts. */
  public record Report(List<Problem> problems, List<String> unusable, int documents, int files) {}

  /** An lmi.dev object read from a file, with defaults applied. */
  record Checked(ManifestReader.Document source, CrdCatalog.KindSchema kind, JsonNode object) {}

  private final ObjectValidator validator;
  private final boolean strict;

  /** {@code strict}: documents of other API groups are unusable input instead of skipped. */
  public ManifestValidator(ObjectValidator validator, boolean strict) {
    this.validator = validator;
    this.strict = strict;
  }

  public Report validate(List<Path> paths) {
    var problems = new ArrayList<Problem>();
    var unusable = new ArrayList<String>();
    var checked = new ArrayList<Checked>();
    var files = 0;
    for (var path : paths) {
      try {
        for (var file : ManifestReader.expand(path)) {
          files++;
          readFile(file, checked, unusable);
        }
      } catch (UnusableInputException e) {
        unusable.add(e.getMessage());
      }
    }
    for (var object : checked) {
      validator.validate(object.source().content()).stream()
          .map(v -> problem(object, v))
          .forEach(problems::add);
    }
    problems.addAll(CrossObjectProblems.find(checked));
    return new Report(List.copyOf(problems), List.copyOf(unusable), checked.size(), files);
  }

  private void readFile(Path file, List<Checked> checked, List<String> unusable) {
    List<ManifestReader.Document> documents;
    try {
      documents = ManifestReader.read(file);
    } catch (UnusableInputException e) {
      unusable.add(e.getMessage());
      return;
    }
    // One bad document does not hide the problems of the others in the same file.
    for (var document : documents) {
      for (var object : ManifestReader.objects(document)) {
        try {
          classify(object).ifPresent(checked::add);
        } catch (UnusableInputException e) {
          unusable.add(e.getMessage());
        }
      }
    }
  }

  private Optional<Checked> classify(ManifestReader.Document document)
      throws UnusableInputException {
    var where = document.file() + ":" + document.number() + ": ";
    var content = document.content();
    requireKindedMapping(where, content);
    var apiVersion = content.get("apiVersion").asText();
    var kind = content.get("kind").asText();
    if (!apiVersion.startsWith(Api.GROUP + "/")) {
      if (strict) {
        throw new UnusableInputException(
            where + "not an " + Api.GROUP + " object: " + apiVersion + " " + kind + " (--strict)");
      }
      return Optional.empty();
    }
    var catalog = validator.catalog();
    var schema =
        catalog
            .find(apiVersion, kind)
            .orElseThrow(
                () ->
                    new UnusableInputException(
                        where
                            + "unknown kind "
                            + (apiVersion + " " + kind)
                            + (" (known: " + String.join(", ", catalog.kinds()) + ")")));
    return Optional.of(new Checked(document, schema, validator.withDefaults(content)));
  }

  private static void requireKindedMapping(String where, JsonNode content)
      throws UnusableInputException {
    if (!content.isObject()) {
      throw new UnusableInputException(where + "document is not a mapping (an object)");
    }
    for (var field : new String[] {"apiVersion", "kind"}) {
      if (content.path(field).asText("").isEmpty()) {
        throw new UnusableInputException(where + "document has no " + field);
      }
    }
  }

  static Problem problem(Checked object, Violation violation) {
    var metadata = object.object().path("metadata");
    var namespace =
        object.kind().namespaced()
            ? metadata.path("namespace").asText(CrossObjectChecks.DEFAULT_NAMESPACE)
            : null;
    return new Problem(
        object.source().file(),
        object.source().number(),
        object.kind().kind(),
        namespace,
        metadata.path("name").asText(""),
        violation.path(),
        violation.message());
  }
}
