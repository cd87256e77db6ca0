package dev.lmi.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One decoded HTTP request, independent of the server that received it. */
public record Request(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    Map<String, String> pathParams) {

  /** Builds a request; header names are matched case-insensitively. */
  public static Request of(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    var h = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, v.isEmpty() ? "" : v.get(0)));
    return new Request(method, rawPath, rawQuery, parseForm(rawQuery), h, body, Map.of());
  }

  /** A copy with the body read after the headers were checked. */
  public Request withBody(byte[] bytes) {
    return new Request(method, rawPath, rawQuery, query, headers, bytes, pathParams);
  }

  /** A copy carrying the decoded labels of the route that matched. */
  public Request withPathParams(Map<String, String> params) {
    return new Request(method, rawPath, rawQuery, query, headers, body, params);
  }

  /** A copy with more parameters merged into the query (the form body of query-protocol calls). */
  public Request withQuery(Map<String, String> more) {
    var merged = new LinkedHashMap<>(query);
    merged.putAll(more);
    return new Request(method, rawPath, rawQuery, merged, headers, body, pathParams);
  }

  /** The service named in the SigV4 credential scope, or "" when unsigned. */
  public String signingService() {
    var auth = headers.getOrDefault("Authorization", "");
    var m = java.util.regex.Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/").matcher(auth);
    return m.find() ? m.group(1) : "";
  }

  /** Every value of a repeated query parameter (e.g. tagKeys=a&tagKeys=b). */
  public List<String> rawQueryValues(String name) {
    var values = new java.util.ArrayList<String>();
    if (rawQuery != null) {
      for (var pair : rawQuery.split("&")) {
        var eq = pair.indexOf('=');
        if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
          values.add(decode(pair.substring(eq + 1)));
        }
      }
    }
    return values;
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String param(String name) {
    return pathParams.get(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Parses application/x-www-form-urlencoded text (also used for query strings). */
  public static Map<String, String> parseForm(String text) {
    var map = new LinkedHashMap<String, String>();
    if (text == null || text.isEmpty()) {
      return map;
    }
    for (var pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      var eq = pair.indexOf('=');
      var key = eq < 0 ? pair : pair.substring(0, eq);
      var value = eq < 0 ? "" : pair.substring(eq + 1);
      map.putIfAbsent(decode(key), decode(value));
    }
    return map;
  }

  public static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public static String decodeForm(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
