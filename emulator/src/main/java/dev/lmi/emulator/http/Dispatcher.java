package dev.lmi.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lmi.emulator.admin.Counters;
import dev.lmi.emulator.admin.FaultInjector;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The single HTTP entry point: admin paths, then each service in turn; counts and faults calls. */
public final class Dispatcher implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private final List<AwsService> services;
  private final RouteTable admin;
  private final Counters counters;
  private final FaultInjector faults;

  public Dispatcher(
      List<AwsService> services, RouteTable admin, Counters counters, FaultInjector faults) {
    this.services = services;
    this.admin = admin;
    this.counters = counters;
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var uri = exchange.getRequestURI();
      var request =
          Request.of(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders(),
              exchange.getRequestBody().readAllBytes());
      var requestId = UUID.randomUUID().toString();
      var response = route(request, requestId);
      response.headers().put("x-amzn-RequestId", requestId);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      var body = response.body();
      var noBody = body.length == 0 || response.status() == 204;
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
      if (!noBody) {
        exchange.getResponseBody().write(body);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request failed", e);
    }
  }

  private Response route(Request request, String requestId) {
    if (request.rawPath().startsWith("/_emulator/")) {
      return admin
          .match(request)
          .map(m -> m.handler().handle(m.request()))
          .orElse(Response.json(404, "{\"message\":\"unknown admin path\"}"));
    }
    for (var service : services) {
      var match = service.resolve(request);
      if (match.isPresent()) {
        return call(service, match.get(), requestId);
      }
    }
    return Response.json(404, "{\"message\":\"No emulated operation for this request\"}")
        .header("X-Amzn-ErrorType", "UnknownOperationException");
  }

  private Response call(AwsService service, RouteTable.Match match, String requestId) {
    var op = match.operation();
    try {
      switch (faults.apply(op)) {
        case SERVER_ERROR -> throw service.serverError("Injected fault");
        case THROTTLE -> throw service.throttle();
        case PASS -> {}
      }
      var response = match.handler().handle(match.request());
      counters.record(op, "ok");
      return response;
    } catch (ApiException e) {
      counters.record(op, e.code());
      return service.render(e, requestId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, op + " failed", e);
      var error = service.serverError(String.valueOf(e));
      counters.record(op, error.code());
      return service.render(error, requestId);
    }
  }
}
