package dev.lmi.devkit.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.operator.validation.AdmissionError;
import dev.lmi.operator.validation.ObjectValidator;
import dev.lmi.sandbox.kube.Admission;
import java.util.List;

/**
 * The local Kubernetes API's admission of lmi.dev objects: the operator's validator, which checks
 * the generated CRDs' schema and CEL rules exactly as {@code validate} does, so kubectl apply
 * refuses here what EKS would refuse. Kinds it does not know are stored as sent.
 */
public final class CrdAdmission implements Admission {
  private final ObjectValidator validator;

  public CrdAdmission(ObjectValidator validator) {
    this.validator = validator;
  }

  @Override
  public Verdict admit(JsonNode object, JsonNode oldObject) {
    return validator
        .admit(object, oldObject)
        .map(a -> new Verdict(a.object(), a.pruned(), causes(a.errors())))
        .orElseGet(() -> new Verdict(object, List.of(), List.of()));
  }

  private static List<Cause> causes(List<AdmissionError> errors) {
    return errors.stream().map(e -> new Cause(e.type(), e.field(), e.body())).toList();
  }
}
