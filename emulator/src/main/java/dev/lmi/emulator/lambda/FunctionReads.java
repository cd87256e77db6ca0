package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;

/**
 * GetFunction and GetFunctionConfiguration (with version, alias or $LATEST[.PUBLISHED] qualifiers).
 */
final class FunctionReads {
  private final LambdaState s;

  FunctionReads(LambdaState state) {
    this.s = state;
  }

  Response get(Request r) {
    synchronized (s) {
      s.settle();
      var label = r.param("FunctionName");
      var fn = s.function(label);
      var v = s.version(fn, Names.qualifier(label, r.query().get("Qualifier")));
      var out = Json.object();
      out.set("Configuration", v.config.deepCopy());
      var code = out.putObject("Code");
      if ("Image".equals(v.config.path("PackageType").asText())) {
        code.put("RepositoryType", "ECR").put("ImageUri", v.code.location());
      } else {
        code.put("RepositoryType", "S3").put("Location", v.code.location());
      }
      var tags = s.tags.get(fn.arn);
      if (tags != null && !tags.isEmpty()) {
        tags.forEach(out.putObject("Tags")::put);
      }
      return Json.ok(200, out);
    }
  }

  Response getConfiguration(Request r) {
    synchronized (s) {
      s.settle();
      var label = r.param("FunctionName");
      var fn = s.function(label);
      return Json.ok(200, s.version(fn, Names.qualifier(label, r.query().get("Qualifier"))).config);
    }
  }

  Response list(Request r) {
    var maxItems = ListParams.maxItems(r, 10000);
    synchronized (s) {
      s.settle();
      var all = s.functions.values().stream().map(fn -> fn.latest().config).toList();
      var page = Pager.page(all, r.query().get("Marker"), maxItems, 50);
      var out = Json.object();
      out.putArray("Functions").addAll(page.items());
      if (page.nextMarker() != null) {
        out.put("NextMarker", page.nextMarker());
      }
      return Json.ok(200, out);
    }
  }
}
