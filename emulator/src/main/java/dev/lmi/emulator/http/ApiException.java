package dev.lmi.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An AWS error answer: HTTP status, error code, message and any extra headers or body members. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, Object> extraBody = new LinkedHashMap<>();

  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** "Service" for server-side faults, "User" for everything the caller can fix. */
  public String type() {
    return status >= 500 ? "Service" : "User";
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Map<String, Object> extraBody() {
    return extraBody;
  }

  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public ApiException withBody(String name, Object value) {
    extraBody.put(name, value);
    return this;
  }
}
