package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A function with its versions and aliases; guarded by the state lock. */
final class LambdaFunction {
  final String name;
  final String arn;
  final boolean lmi;
  final Map<String, FunctionVersion> versions = new LinkedHashMap<>();
  final Map<String, ObjectNode> aliases = new TreeMap<>();
  int lastVersion;
  boolean deleting;
  Transition deletion;

  LambdaFunction(String name, String arn, boolean lmi) {
    this.name = name;
    this.arn = arn;
    this.lmi = lmi;
  }

  FunctionVersion latest() {
    return versions.get("$LATEST");
  }

  FunctionVersion lastNumbered() {
    return lastVersion == 0 ? null : versions.get(Integer.toString(lastVersion));
  }
}
