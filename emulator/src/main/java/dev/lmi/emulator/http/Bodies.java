package dev.lmi.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;

/** Reads request bodies within a cap, and tells the content types the JSON protocols use. */
public final class Bodies {
  /** The admin API takes small JSON objects only. */
  public static final AwsService.BodyLimit ADMIN_LIMIT = new AwsService.BodyLimit(65_536, null);

  private Bodies() {}

  /**
   * The body, or null when it is longer than the limit. A declared Content-Length over the limit is
   * refused before anything is read; a body without one is read only up to the limit.
   */
  static byte[] read(HttpExchange exchange, AwsService.BodyLimit limit) throws IOException {
    var declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && parse(declared) > limit.bytes()) {
      return null;
    }
    var bytes =
        exchange
            .getRequestBody()
            .readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
    return bytes.length > limit.bytes() ? null : bytes;
  }

  private static long parse(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** AWS's answer to an oversized request, with its own name for the operation. */
  static ApiException tooLarge(AwsService.BodyLimit limit) {
    var what = limit.operation() == null ? "" : " for the " + limit.operation() + " operation";
    return new ApiException(
        413,
        "RequestEntityTooLargeException",
        "Request must be smaller than " + limit.bytes() + " bytes" + what);
  }

  /** True for application/json and the application/x-amz-json-1.x types older SDKs send. */
  public static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    var base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return base.equals("application/json") || base.startsWith("application/x-amz-json-");
  }

  static boolean isJsonOrEmpty(Request request) {
    return request.body().length == 0 || isJson(request.header("Content-Type"));
  }
}
