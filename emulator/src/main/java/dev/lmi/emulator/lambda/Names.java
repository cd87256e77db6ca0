package dev.lmi.emulator.lambda;

import java.util.regex.Pattern;

/** Parsing of the name-or-ARN labels Lambda accepts for functions and capacity providers. */
final class Names {
  private static final Pattern FUNCTION_ARN =
      Pattern.compile(
          "(?:arn:[^:]+:lambda:[^:]+:\\d{12}:function:|\\d{12}:function:)?([^:]+)(?::(.+))?");

  private Names() {}

  /** Splits a function name, partial ARN or full ARN into {name, qualifier-or-null}. */
  static String[] parseFunctionName(String label) {
    var m = FUNCTION_ARN.matcher(label);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {label, null};
  }

  static String providerName(String label) {
    var i = label.indexOf("capacity-provider:");
    return i >= 0 ? label.substring(i + "capacity-provider:".length()) : label;
  }

  /** Qualifier from the query, or from a "name:qualifier" label. */
  static String qualifier(String label, String queryQualifier) {
    if (queryQualifier != null) {
      var v = new Validator();
      v.string(queryQualifier, "qualifier", 1, 128, Patterns.QUALIFIER);
      v.throwIfInvalid();
      return queryQualifier;
    }
    return parseFunctionName(label)[1];
  }
}
