package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.io.IOException;

/** JSON helpers for the rest-json protocol; nulls are never written. */
public final class Json {
  /** Jackson's default 20 M-character string cap is below the base64 of a 50 MB zip. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxStringLength(70_000_000).build())
                  .build())
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The request body as an object; an empty body is an empty object. */
  public static ObjectNode body(Request request) {
    if (request.body().length == 0) {
      return object();
    }
    try {
      var node = MAPPER.readTree(request.body());
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      // fall through to the same error AWS gives for unparsable bodies
    }
    throw new ApiException(400, "InvalidRequestContentException", "Could not parse request body");
  }

  public static Response ok(int status, JsonNode node) {
    return Response.json(status, write(node));
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(JsonNode node, String field) {
    var v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public static Integer integer(JsonNode node, String field) {
    var v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asInt();
  }

  public static Double number(JsonNode node, String field) {
    var v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asDouble();
  }

  public static boolean present(JsonNode node, String field) {
    return node != null && node.hasNonNull(field);
  }
}
