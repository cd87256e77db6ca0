package dev.lmi.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.operator.validation.ObjectValidator;
import dev.lmi.sandbox.kube.Admission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The local mode's admission (the operator's validator behind the sandbox's hook) for tests, which
 * also keeps every refusal it made, so a test can tell that none of the operator's writes was
 * refused.
 */
public final class ValidatorAdmission implements Admission {
  private final ObjectValidator validator = new ObjectValidator();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private final List<String> pruned = new CopyOnWriteArrayList<>();

  @Override
  public Verdict admit(JsonNode object, JsonNode oldObject) {
    var verdict =
        validator
            .admit(object, oldObject)
            .map(
                a ->
                    new Verdict(
                        a.object(),
                        a.pruned(),
                        a.errors().stream()
                            .map(e -> new Cause(e.type(), e.field(), e.body()))
                            .toList()))
            .orElseGet(() -> new Verdict(object, List.of(), List.of()));
    verdict
        .unknownFields()
        .forEach(f -> pruned.add(object.at("/metadata/name").asText() + ": " + f));
    if (!verdict.causes().isEmpty()) {
      refusals.add(object.at("/metadata/name").asText() + ": " + verdict.causes());
    }
    return verdict;
  }

  /** Every field pruned so far because the CRD does not declare it (object name: path). */
  public List<String> pruned() {
    return List.copyOf(pruned);
  }

  /** Every refusal so far (the object's name and the causes); updates may still be ratcheted. */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }
}
