package dev.lmi.emulator.ec2;

import dev.lmi.emulator.http.Request;

/** Shared by the query-protocol services: the parameters live in the form body or the URL. */
public final class QueryProtocol {
  private QueryProtocol() {}

  /** The request with form-body parameters merged into its query map. */
  public static Request merged(Request request) {
    var type = request.headers().getOrDefault("Content-Type", "");
    if (request.method().equals("POST") && type.startsWith("application/x-www-form-urlencoded")) {
      return request.withQuery(Request.parseForm(request.bodyText()));
    }
    return request;
  }
}
