package dev.lmi.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** HTTP/1.1 over a plain socket, so a test can send any Host, Origin or Content-Length. */
final class RawHttp {
  /** A status line, headers and body as received. */
  record Answer(int status, Map<String, String> headers, String body) {
    String errorType() {
      return headers.getOrDefault("X-Amzn-ErrorType", "");
    }
  }

  private final URI endpoint;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private RawHttp(URI endpoint) {
    this.endpoint = endpoint;
    headers.put("Host", endpoint.getHost() + ":" + endpoint.getPort());
  }

  static RawHttp to(URI endpoint) {
    return new RawHttp(endpoint);
  }

  RawHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Answer send(String method, String path, String body) throws IOException {
    return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), -1);
  }

  /** Sends the body with a Content-Length of declaredLength (or its real length when < 0). */
  Answer send(String method, String path, byte[] body, long declaredLength) throws IOException {
    try (var socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(20_000);
      var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        head.append("Content-Length: ").append(declaredLength < 0 ? body.length : declaredLength);
        head.append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      var out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      socket.shutdownOutput();
      return read(socket);
    }
  }

  private static Answer read(Socket socket) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try {
      socket.getInputStream().transferTo(bytes);
    } catch (IOException e) {
      // the server may reset the connection after answering a request whose body it did not read
    }
    var text = bytes.toString(StandardCharsets.UTF_8);
    var split = text.indexOf("\r\n\r\n");
    var lines = text.substring(0, Math.max(0, split)).split("\r\n");
    var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
    for (var i = 1; i < lines.length; i++) {
      var colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
    }
    var status = lines[0].isEmpty() ? 0 : Integer.parseInt(lines[0].split(" ")[1]);
    return new Answer(status, headers, split < 0 ? "" : text.substring(split + 4));
  }
}
