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

/**
 * The single HTTP entry point: refuses what a web page could send, caps the body, then routes to
 * the admin paths or each service in turn; counts and faults calls.
 */
public final class Dispatcher implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private final List<AwsService> services;
  private final RouteTable admin;
  private final Counters counters;
  private final FaultInjector faults;
  private final RequestGuard guard;

  public Dispatcher(
      List<AwsService> services,
      RouteTable admin,
      Counters counters,
      FaultInjector faults,
      RequestGuard guard) {
    this.services = services;
    this.admin = admin;
    this.counters = counters;
    this.faults = faults;
    this.guard = guard;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var uri = exchange.getRequestURI();
      var head =
          Request.of(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders(),
              new byte[0]);
      var requestId = UUID.randomUUID().toString();
      var response = answer(exchange, head, requestId);
      response.headers().put("x-amzn-RequestId", requestId);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      var body = response.body();
      var noBody = body.length == 0 || response.status() == 204;
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
      if (!noBody) {
        exchange.getResponseBody().write(body);
      }
      exchange.getResponseBody().flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request failed", e);
    }
  }

  private Response answer(HttpExchange exchange, Request head, String requestId)
      throws IOException {
    var refusal = guard.refusal(head);
    if (refusal.isPresent()) {
      return renderEarly(
          head, new ApiException(403, "AccessDeniedException", refusal.get()), requestId);
    }
    var isAdmin = head.rawPath().startsWith("/_emulator/");
    var limit = isAdmin ? Bodies.ADMIN_LIMIT : owner(head).bodyLimit(head);
    var body = Bodies.read(exchange, limit);
    if (body == null) {
      return renderEarly(head, Bodies.tooLarge(limit), requestId);
    }
    var request = head.withBody(body);
    return isAdmin ? admin(request) : route(request, requestId);
  }

  private Response admin(Request request) {
    if (Bodies.isJsonOrEmpty(request)) {
      return admin
          .match(request)
          .map(m -> m.handler().handle(m.request()))
          .orElse(Response.json(404, "{\"message\":\"unknown admin path\"}"));
    }
    return Response.json(415, "{\"message\":\"admin requests carry application/json bodies\"}")
        .header("X-Amzn-ErrorType", "UnsupportedMediaTypeException");
  }

  private Response route(Request request, String requestId) {
    for (var service : services) {
      var match = service.resolve(request);
      if (match.isPresent()) {
        return call(service, match.get(), requestId);
      }
    }
    return Response.json(404, "{\"message\":\"No emulated operation for this request\"}")
        .header("X-Amzn-ErrorType", "UnknownOperationException");
  }

  /** The service whose error shape fits a request not read yet (Lambda's JSON by default). */
  private AwsService owner(Request head) {
    var signedFor = head.signingService();
    for (var service : services) {
      if (service.resolve(head).isPresent() || service.signingName().equals(signedFor)) {
        return service;
      }
    }
    return services.get(0);
  }

  private Response renderEarly(Request head, ApiException error, String requestId) {
    return owner(head).render(error, head, requestId);
  }

  private Response call(AwsService service, RouteTable.Match match, String requestId) {
    var op = match.operation();
    try {
      service.checkContentType(match);
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
      return service.render(e, match.request(), requestId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, op + " failed", e);
      var error = service.serverError(String.valueOf(e));
      counters.record(op, error.code());
      return service.render(error, match.request(), requestId);
    }
  }
}
