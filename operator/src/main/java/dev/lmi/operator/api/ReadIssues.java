package dev.lmi.operator.api;

import java.util.List;

/**
 * What of an object's spec this operator could not read: fields it does not know (ignored; the CRD
 * may be newer than the operator) and fields it cannot use (a wrong type, a value it does not
 * know).
 *
 * @param unknownFields paths of ignored fields, e.g. {@code spec.logging.newOption}
 * @param invalidFields one "path: why" per field that could not be read
 */
public record ReadIssues(List<String> unknownFields, List<String> invalidFields) {
  public static final ReadIssues NONE = new ReadIssues(List.of(), List.of());

  public ReadIssues {
    unknownFields = List.copyOf(unknownFields);
    invalidFields = List.copyOf(invalidFields);
  }

  /** The issues of an object, or none for one that was not read by {@link TolerantReader}. */
  public static ReadIssues of(Object resource) {
    return resource instanceof Tolerant t && t.readIssues() != null ? t.readIssues() : NONE;
  }

  public boolean invalid() {
    return !invalidFields.isEmpty();
  }

  /** True when the field at this path (e.g. {@code spec.deletionPolicy}) could not be read. */
  public boolean unreadable(String path) {
    return invalidFields.stream().anyMatch(f -> f.startsWith(path + ":"));
  }
}
