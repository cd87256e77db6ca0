package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ReadIssues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Receives the documents of one validate run and checks each lmi.dev object as it comes. */
final class ManifestRun implements ManifestReader.Sink {
  private static final int MAX_PROBLEMS_PER_OBJECT = 100;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final ObjectValidator validator;
  private final boolean strict;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> unusable = new ArrayList<>();
  private final List<CheckedObject> checked = new ArrayList<>();
  private int skipped;

  ManifestRun(ObjectValidator validator, boolean strict) {
    this.validator = validator;
    this.strict = strict;
  }

  List<Problem> problems() {
    return problems;
  }

  List<Problem> unusable() {
    return unusable;
  }

  List<CheckedObject> checked() {
    return checked;
  }

  int skipped() {
    return skipped;
  }

  @Override
  public void unusable(Problem problem) {
    unusable.add(problem);
  }

  // kubectl accepts a List (kind: List, or <Kind>List) and applies its items; so do we, so that
  // its lmi.dev items are not skipped unseen. Items keep the number of their document.
  @Override
  public void document(ManifestReader.Document document) {
    var root = document.root();
    var kind = root.isMapping() && root.get("kind") != null ? root.get("kind").text() : null;
    var items = root.isMapping() ? root.get("items") : null;
    if (kind != null && kind.endsWith("List") && items != null && items.isSequence()) {
      items.items().forEach(item -> object(document, item));
    } else {
      object(document, root);
    }
  }

  private void object(ManifestReader.Document document, YamlNode node) {
    try {
      var kind = classify(document.number(), node);
      if (kind == null) {
        skipped++;
        return;
      }
      check(document, node, kind);
    } catch (UnusableInputException e) {
      unusable.add(Problem.unusable(document.file(), node.at(), document.number(), e.getMessage()));
    }
  }

  private CrdCatalog.KindSchema classify(int number, YamlNode node) throws UnusableInputException {
    var doc = "document " + number;
    if (!node.isMapping()) {
      throw new UnusableInputException(doc + " is not a mapping (an object)");
    }
    for (var field : new String[] {"apiVersion", "kind"}) {
      var value = node.get(field);
      if (value == null || value.text() == null || value.text().isEmpty()) {
        throw new UnusableInputException(doc + " has no " + field);
      }
    }
    var apiVersion = node.get("apiVersion").text();
    var kind = node.get("kind").text();
    if (!apiVersion.startsWith(Api.GROUP + "/")) {
      if (strict) {
        throw new UnusableInputException(
            doc + ": not an " + Api.GROUP + " object: " + apiVersion + " " + kind + " (--strict)");
      }
      return null;
    }
    var catalog = validator.catalog();
    return catalog
        .find(apiVersion, kind)
        .orElseThrow(
            () ->
                new UnusableInputException(
                    "%s: unknown kind %s %s (known: %s)"
                        .formatted(doc, apiVersion, kind, String.join(", ", catalog.kinds()))));
  }

  private void check(ManifestReader.Document document, YamlNode node, CrdCatalog.KindSchema kind) {
    var object = node.toJson();
    var defaulted = validator.withDefaults(object);
    var metadata = defaulted.path("metadata");
    var namespace =
        kind.namespaced()
            ? metadata.path("namespace").asText(CrossObjectChecks.DEFAULT_NAMESPACE)
            : null;
    var positions = new LinkedHashMap<String, Position>();
    CheckedObject.KEPT_PATHS.forEach(p -> positions.put(p, FieldLocator.locate(node, p)));
    var checkedObject =
        new CheckedObject(
            document.file(),
            document.number(),
            kind,
            namespace,
            metadata.path("name").asText(""),
            typed(kind, defaulted),
            positions);
    var violations = validator.validate(object);
    violations.stream()
        .limit(MAX_PROBLEMS_PER_OBJECT)
        .forEach(v -> problems.add(checkedObject.problem(v, FieldLocator.locate(node, v.path()))));
    if (violations.size() > MAX_PROBLEMS_PER_OBJECT) {
      var more = violations.size() - MAX_PROBLEMS_PER_OBJECT;
      problems.add(checkedObject.problem(new Violation("", more + " more problem(s) not shown")));
    }
    checked.add(checkedObject);
  }

  // Objects that do not fully bind to the model (e.g. a bad enum) already have schema problems;
  // the fields left out would only be judged by their defaults.
  private static Object typed(CrdCatalog.KindSchema kind, JsonNode object) {
    var type = "CapacityProvider".equals(kind.kind()) ? CapacityProvider.class : LmiFunction.class;
    try {
      var value = JSON.treeToValue(object, type);
      return value == null || ReadIssues.of(value).invalid() ? null : value;
    } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
      return null;
    }
  }
}
