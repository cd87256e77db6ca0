package dev.lmi.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.EmulatorAdmin;
import dev.lmi.emulator.Faults;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.http.RouteTable;
import dev.lmi.emulator.lambda.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;

/** The HTTP face of {@link EmulatorAdmin} under /_emulator/. */
public final class AdminRoutes {
  private AdminRoutes() {}

  public static RouteTable create(EmulatorAdmin admin) {
    return new RouteTable()
        .add("GET", "/_emulator/health", "Health", r -> Response.json(200, "{\"status\":\"ok\"}"))
        .add("GET", "/_emulator/counters", "Counters", r -> counters(admin))
        .add(
            "POST",
            "/_emulator/reset-counters",
            "ResetCounters",
            r -> {
              admin.resetCounters();
              return Response.empty(204);
            })
        .add("POST", "/_emulator/faults", "SetFaults", r -> setFaults(admin, r))
        .add(
            "DELETE",
            "/_emulator/faults",
            "ClearFaults",
            r -> {
              admin.clearFaults();
              return Response.empty(204);
            })
        .add(
            "POST",
            "/_emulator/fail-next-capacity-provider",
            "FailNextCapacityProvider",
            r -> failNextProvider(admin, r))
        .add(
            "POST",
            "/_emulator/fail-next-publish",
            "FailNextPublish",
            r -> failNextPublish(admin, r))
        .add(
            "POST",
            "/_emulator/fail-invocations",
            "FailInvocations",
            r -> failInvocations(admin, r))
        .add(
            "DELETE",
            "/_emulator/fail-invocations",
            "ClearInvocationFailures",
            r -> {
              admin.clearInvocationFailures();
              return Response.empty(204);
            })
        .add("GET", "/_emulator/capacity/{name}", "Capacity", r -> capacity(admin, r));
  }

  private static Response failInvocations(EmulatorAdmin admin, Request r) {
    var b = read(r);
    if (b == null || !b.hasNonNull("functionName") || !b.hasNonNull("version")) {
      return Response.json(400, "{\"message\":\"functionName and version are required\"}");
    }
    var fraction = b.path("fraction").asDouble(1);
    if (!(fraction >= 0 && fraction <= 1)) {
      return Response.json(400, "{\"message\":\"fraction must be between 0 and 1\"}");
    }
    admin.failInvocations(
        b.get("functionName").asText(),
        b.get("version").asText(),
        fraction,
        b.path("seed").asLong(0));
    return Response.empty(204);
  }

  private static Response capacity(EmulatorAdmin admin, Request r) {
    try {
      return Response.json(200, Json.write(admin.capacity(r.param("name"))));
    } catch (IllegalArgumentException e) {
      return Response.json(404, Json.write(java.util.Map.of("message", e.getMessage())));
    }
  }

  private static Response counters(EmulatorAdmin admin) {
    var out = new LinkedHashMap<String, Object>();
    out.put("counters", admin.counters());
    out.put("writeCalls", admin.writeCalls());
    out.put("readCalls", admin.readCalls());
    out.put("invokeCalls", admin.invokeCalls());
    return Response.json(200, Json.write(out));
  }

  private static Response setFaults(EmulatorAdmin admin, Request r) {
    var b = read(r);
    if (b == null) {
      return Response.json(400, "{\"message\":\"body must be a JSON object\"}");
    }
    var faults =
        new Faults(
            b.path("serverErrorRate").asDouble(0),
            b.path("throttleRate").asDouble(0),
            Duration.ofMillis(b.path("addedLatencyMs").asLong(0)),
            Duration.ofMillis(b.path("latencyJitterMs").asLong(0)),
            b.path("seed").asLong(0));
    admin.setFaults(b.path("operation").asText("*"), faults);
    return Response.empty(204);
  }

  private static Response failNextPublish(EmulatorAdmin admin, Request r) {
    var b = read(r);
    if (b == null || !b.hasNonNull("functionName")) {
      return Response.json(400, "{\"message\":\"functionName is required\"}");
    }
    admin.failNextPublish(
        b.get("functionName").asText(),
        b.path("stateReasonCode").asText("FunctionError.InitResourceExhausted"),
        b.path("stateReason").asText("Injected by the emulator admin API"));
    return Response.empty(204);
  }

  private static Response failNextProvider(EmulatorAdmin admin, Request r) {
    var b = read(r);
    if (b == null || !b.hasNonNull("capacityProviderName")) {
      return Response.json(400, "{\"message\":\"capacityProviderName is required\"}");
    }
    admin.failNextCapacityProvider(b.get("capacityProviderName").asText());
    return Response.empty(204);
  }

  private static JsonNode read(Request r) {
    try {
      var node = Json.MAPPER.readTree(r.body());
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
