package dev.lmi.sandbox.kube;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of a request path, decoded; the first value of each wins. */
record Query(Map<String, String> values) {
  static Query of(String path) {
    var values = new LinkedHashMap<String, String>();
    var q = path.indexOf('?');
    if (q >= 0) {
      for (var pair : path.substring(q + 1).split("&")) {
        var eq = pair.indexOf('=');
        var key = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (!key.isEmpty()) {
          values.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    }
    return new Query(values);
  }

  String get(String key) {
    return values.get(key);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** The path without its query string. */
  static String pathOnly(String path) {
    var q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** The path with one parameter removed, the others kept as they were sent. */
  static String without(String path, String key) {
    var q = path.indexOf('?');
    if (q < 0) {
      return path;
    }
    var kept = new StringBuilder();
    for (var pair : path.substring(q + 1).split("&")) {
      var eq = pair.indexOf('=');
      if (!decode(eq < 0 ? pair : pair.substring(0, eq)).equals(key) && !pair.isEmpty()) {
        kept.append(kept.isEmpty() ? "" : "&").append(pair);
      }
    }
    return path.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
