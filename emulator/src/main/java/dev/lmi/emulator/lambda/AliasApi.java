package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.util.ArrayList;
import java.util.UUID;

/** Create/Get/Update/Delete/List aliases, including weighted routing to one more version. */
final class AliasApi {
  private final LambdaState s;

  AliasApi(LambdaState state) {
    this.s = state;
  }

  Response create(Request r) {
    var b = Json.body(r);
    AliasRules.validate(b);
    synchronized (s) {
      s.settle();
      var fn = s.function(r.param("FunctionName"));
      var name = Json.text(b, "Name");
      if (fn.aliases.containsKey(name)) {
        throw LambdaErrors.conflict("Alias already exists: " + s.qualifiedArn(fn.name, name));
      }
      var alias = Json.object().put("AliasArn", s.qualifiedArn(fn.name, name)).put("Name", name);
      alias.put("FunctionVersion", checkVersion(fn, Json.text(b, "FunctionVersion")));
      alias.put("Description", b.path("Description").asText(""));
      AliasRules.routing(fn, alias, b.get("RoutingConfig"), this::checkVersion);
      alias.put("RevisionId", UUID.randomUUID().toString());
      fn.aliases.put(name, alias);
      return Json.ok(201, alias);
    }
  }

  Response get(Request r) {
    synchronized (s) {
      s.settle();
      return Json.ok(200, find(r));
    }
  }

  Response update(Request r) {
    var b = Json.body(r);
    AliasRules.validate(b);
    synchronized (s) {
      s.settle();
      var alias = find(r);
      var fn = s.function(r.param("FunctionName"));
      var revision = Json.text(b, "RevisionId");
      if (revision != null && !revision.equals(alias.path("RevisionId").asText())) {
        throw LambdaErrors.precondition(
            "The Revision Id provided does not match the latest Revision Id. Call the"
                + " GetFunction/GetAlias API to retrieve the latest Revision Id");
      }
      var candidate = alias.deepCopy();
      if (b.hasNonNull("FunctionVersion")) {
        candidate.put("FunctionVersion", checkVersion(fn, Json.text(b, "FunctionVersion")));
      }
      if (b.hasNonNull("Description")) {
        candidate.put("Description", Json.text(b, "Description"));
      }
      if (b.has("RoutingConfig")) {
        AliasRules.routing(fn, candidate, b.get("RoutingConfig"), this::checkVersion);
      }
      candidate.put("RevisionId", UUID.randomUUID().toString());
      alias.removeAll().setAll(candidate);
      return Json.ok(200, alias);
    }
  }

  Response delete(Request r) {
    synchronized (s) {
      s.settle();
      var fn = s.function(r.param("FunctionName"));
      fn.aliases.remove(r.param("Name"));
      return Response.empty(204);
    }
  }

  Response list(Request r) {
    var maxItems = ListParams.maxItems(r, 10000);
    var versionFilter = r.query().get("FunctionVersion");
    synchronized (s) {
      s.settle();
      var fn = s.function(r.param("FunctionName"));
      var items = new ArrayList<ObjectNode>();
      for (var alias : fn.aliases.values()) {
        if (versionFilter == null || versionFilter.equals(alias.path("FunctionVersion").asText())) {
          items.add(alias);
        }
      }
      var page = Pager.page(items, r.query().get("Marker"), maxItems, 50);
      var out = Json.object();
      out.putArray("Aliases").addAll(page.items());
      if (page.nextMarker() != null) {
        out.put("NextMarker", page.nextMarker());
      }
      return Json.ok(200, out);
    }
  }

  private String checkVersion(LambdaFunction fn, String version) {
    if (!fn.versions.containsKey(version)) {
      throw LambdaErrors.functionNotFound(s.qualifiedArn(fn.name, version));
    }
    return version;
  }

  private ObjectNode find(Request r) {
    var fn = s.function(r.param("FunctionName"));
    var alias = fn.aliases.get(r.param("Name"));
    if (alias == null) {
      throw LambdaErrors.notFound(
          "Cannot find alias arn: " + s.qualifiedArn(fn.name, r.param("Name")));
    }
    return alias;
  }
}
