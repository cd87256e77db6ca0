package dev.lmi.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Maps method + path template (with {labels}) to a named operation, for rest-json services. */
public final class RouteTable {
  /** Handles a request whose path labels are already percent-decoded. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  /** A matched operation: its AWS name and the handler bound to the decoded request. */
  public record Match(String operation, Handler handler, Request request) {}

  private record Route(String method, Pattern pattern, List<String> labels, String op, Handler h) {}

  private final List<Route> routes = new ArrayList<>();

  public RouteTable add(String method, String template, String operation, Handler handler) {
    var labels = new ArrayList<String>();
    var regex = new StringBuilder("^");
    for (var part : template.split("(?=\\{)|(?<=\\})")) {
      if (part.startsWith("{")) {
        labels.add(part.substring(1, part.length() - 1));
        regex.append("([^/]+)");
      } else {
        regex.append(Pattern.quote(part));
      }
    }
    regex.append("/?$");
    routes.add(new Route(method, Pattern.compile(regex.toString()), labels, operation, handler));
    return this;
  }

  public Optional<Match> match(Request request) {
    for (var route : routes) {
      var m = route.pattern.matcher(request.rawPath());
      if (route.method.equals(request.method()) && m.matches()) {
        var params = new LinkedHashMap<String, String>();
        for (var i = 0; i < route.labels.size(); i++) {
          params.put(route.labels.get(i), Request.decode(m.group(i + 1)));
        }
        return Optional.of(new Match(route.op, route.h, request.withPathParams(params)));
      }
    }
    return Optional.empty();
  }
}
