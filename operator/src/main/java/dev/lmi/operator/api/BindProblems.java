package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Says in a user's words why a field could not be bound: the value and what was expected. */
final class BindProblems {
  private BindProblems() {}

  static String why(JsonNode value, JsonMappingException e) {
    var shown = TolerantReader.shown(value);
    var target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return shown + " cannot be read: " + firstLine(e.getOriginalMessage());
    }
    if (target.isEnum()) {
      return shown
          + " is not a value this version of the operator knows ("
          + known(target)
          + "); the CRD may be newer than the operator";
    }
    return shown + " is not " + expected(target);
  }

  private static String expected(Class<?> target) {
    if (target == Integer.class || target == int.class || target == Long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(target) || target == double.class) {
      return "a number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (target == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "a list";
    }
    return Map.class.isAssignableFrom(target) ? "a map" : "an object";
  }

  /** The enum's values as the manifests spell them. */
  private static String known(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> wire(type, (Enum<?>) c))
        .collect(Collectors.joining(", "));
  }

  private static String wire(Class<?> type, Enum<?> constant) {
    try {
      var annotation = type.getField(constant.name()).getAnnotation(JsonProperty.class);
      return annotation != null ? annotation.value() : constant.name();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    var end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
