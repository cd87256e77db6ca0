package dev.lmi.handler.common;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** API Gateway REST proxy (payload format 1.0) event reading and response writing. */
public final class ApiGateway {

  private ApiGateway() {}

  /** Reads one event; an unparsable payload yields null so the caller can answer 400. */
  public static JsonNode readEvent(InputStream input) {
    try {
      var node = Json.MAPPER.readTree(input);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  public static boolean isProxyEvent(JsonNode event) {
    return event.isObject() && event.has("httpMethod") && event.has("requestContext");
  }

  /** The API Gateway request id, else the Lambda one: the correlation id of every log line. */
  public static String requestId(JsonNode event, Context context) {
    var id = event == null ? null : event.path("requestContext").path("requestId").textValue();
    if (id != null) {
      return id;
    }
    return context == null ? null : context.getAwsRequestId();
  }

  /** The path without a trailing slash, so {@code /api/orders} and {@code /api/orders/} match. */
  public static String path(JsonNode event) {
    var path = event.path("path").asText("");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  public static String queryParameter(JsonNode event, String name) {
    var value = event.path("queryStringParameters").path(name);
    return value.isTextual() ? value.textValue() : null;
  }

  public static ObjectNode response(int statusCode, JsonNode body) {
    var response = Json.object();
    response.put("statusCode", statusCode);
    response.putObject("headers").put("Content-Type", "application/json");
    response.put("isBase64Encoded", false);
    try {
      response.put("body", Json.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response body not serialisable", e);
    }
    return response;
  }

  public static void write(OutputStream output, JsonNode response) throws IOException {
    Json.MAPPER.writeValue(output, response);
    output.flush();
  }
}
