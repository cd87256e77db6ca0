package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.util.Map;
import java.util.TreeMap;

/** TagResource / UntagResource / ListTags for function and capacity-provider ARNs. */
final class Tags {
  private static final String RESOURCE =
      "arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:"
          + "(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|capacity-provider:[a-zA-Z0-9-_]{1,64})";
  private final LambdaState s;

  Tags(LambdaState state) {
    this.s = state;
  }

  static Map<String, String> toMap(JsonNode node) {
    var map = new TreeMap<String, String>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  Response tag(Request r) {
    var body = Json.body(r);
    var v = new Validator();
    v.required(body.get("Tags"), "tags");
    v.tags(body.get("Tags"), "tags", 50);
    v.throwIfInvalid();
    synchronized (s) {
      var arn = resolve(r);
      s.tags.computeIfAbsent(arn, k -> new TreeMap<>()).putAll(toMap(body.get("Tags")));
      return Response.empty(204);
    }
  }

  Response untag(Request r) {
    synchronized (s) {
      var arn = resolve(r);
      var raw = r.rawQueryValues("tagKeys");
      var v = new Validator();
      v.custom(!raw.isEmpty(), "null", "tagKeys", "Member must not be null");
      v.throwIfInvalid();
      var map = s.tags.get(arn);
      if (map != null) {
        raw.forEach(map::remove);
      }
      return Response.empty(204);
    }
  }

  Response list(Request r) {
    synchronized (s) {
      var arn = resolve(r);
      var out = Json.object();
      var node = out.putObject("Tags");
      s.tags.getOrDefault(arn, Map.of()).forEach(node::put);
      return Json.ok(200, out);
    }
  }

  /** Validates the ARN and checks the resource exists; function ARNs are tagged unqualified. */
  private String resolve(Request r) {
    s.settle();
    var arn = r.param("Resource");
    var v = new Validator();
    v.string(arn, "resource", 1, 256, RESOURCE);
    v.throwIfInvalid();
    if (arn.contains(":capacity-provider:")) {
      var name = Names.providerName(arn);
      if (!s.providers.containsKey(name)) {
        throw LambdaErrors.notFound("Capacity provider not found: " + s.providerArn(name));
      }
      return s.providerArn(name);
    }
    var name = Names.parseFunctionName(arn)[0];
    if (!s.functions.containsKey(name)) {
      throw LambdaErrors.functionNotFound(s.functionArn(name));
    }
    return s.functionArn(name);
  }
}
