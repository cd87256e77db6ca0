package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The stored (and echoed) shape of a capacity provider, with the defaults the service resolves. */
final class ProviderSpecs {
  private ProviderSpecs() {}

  static ObjectNode fromCreate(ObjectNode body) {
    var spec = Json.object();
    spec.set("VpcConfig", body.get("VpcConfig"));
    spec.set("PermissionsConfig", body.get("PermissionsConfig"));
    var ir = objectOrEmpty(body, "InstanceRequirements");
    if (!ir.has("Architectures")) {
      ir.putArray("Architectures").add("x86_64");
    }
    spec.set("InstanceRequirements", ir);
    var sc = objectOrEmpty(body, "CapacityProviderScalingConfig");
    if (!sc.has("ScalingMode")) {
      sc.put("ScalingMode", "Auto");
    }
    if (!sc.has("MaxVCpuCount")) {
      sc.put("MaxVCpuCount", 400);
    }
    spec.set("CapacityProviderScalingConfig", sc);
    for (var field : List.of("KmsKeyArn", "PropagateTags", "TelemetryConfig")) {
      if (body.hasNonNull(field)) {
        spec.set(field, body.get(field));
      }
    }
    return spec;
  }

  private static ObjectNode objectOrEmpty(ObjectNode body, String field) {
    return body.get(field) instanceof ObjectNode o ? o.deepCopy() : Json.object();
  }
}
