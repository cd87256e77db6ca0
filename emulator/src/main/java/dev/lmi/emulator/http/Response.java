package dev.lmi.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response to write back: status, headers and body bytes. */
public record Response(int status, Map<String, String> headers, byte[] body) {

  public static Response json(int status, String json) {
    return of(status, "application/json", json);
  }

  public static Response xml(int status, String xml) {
    return of(status, "text/xml", xml);
  }

  public static Response empty(int status) {
    return new Response(status, new LinkedHashMap<>(), new byte[0]);
  }

  public static Response of(int status, String contentType, String body) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", contentType);
    return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns this response with one more header (the map is mutable by construction). */
  public Response header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
