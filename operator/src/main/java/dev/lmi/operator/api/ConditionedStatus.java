package dev.lmi.operator.api;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** A status with standard conditions and the generation they describe. */
public interface ConditionedStatus {
  List<Condition> getConditions();

  void setConditions(List<Condition> conditions);

  Long getObservedGeneration();

  void setObservedGeneration(Long generation);
}
