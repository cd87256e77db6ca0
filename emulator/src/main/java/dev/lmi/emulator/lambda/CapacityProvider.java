package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** In-memory capacity provider; guarded by the {@link LambdaState} lock. */
final class CapacityProvider {
  final String name;
  final String arn;
  final long createdOrder;
  final ObjectNode spec;
  String state = "Pending";
  String lastModified = Clock.timestamp();
  Transition transition;

  CapacityProvider(String name, String arn, long createdOrder, ObjectNode spec) {
    this.name = name;
    this.arn = arn;
    this.createdOrder = createdOrder;
    this.spec = spec;
  }

  String architecture() {
    var ir = spec.path("InstanceRequirements").path("Architectures");
    return ir.isArray() && !ir.isEmpty() ? ir.get(0).asText() : "x86_64";
  }

  ObjectNode toJson() {
    var out = Json.object();
    out.put("CapacityProviderArn", arn);
    out.put("State", state);
    out.setAll(spec.deepCopy());
    out.put("LastModified", lastModified);
    return out;
  }
}
