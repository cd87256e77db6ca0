package dev.lmi.handler.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.handler.common.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the real event payloads under {@code events/} and invokes stream handlers with them. */
public final class Events {

  private Events() {}

  public static ObjectNode load(String name) {
    try (var in = Events.class.getResourceAsStream("/events/" + name)) {
      return (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode invoke(RequestStreamHandler handler, JsonNode event) {
    return invokeRaw(handler, event.toString());
  }

  public static ObjectNode invokeRaw(RequestStreamHandler handler, String payload) {
    try {
      var out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
      return (ObjectNode) Json.MAPPER.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed {@code body} of an API Gateway proxy response. */
  public static JsonNode body(JsonNode response) {
    try {
      return Json.MAPPER.readTree(response.get("body").textValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
