package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.lambda.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/**
 * Reads and writes CloudWatch's bodies in Smithy RPC v2 CBOR and AWS JSON 1.0 (the AWS Query
 * protocol is {@link QueryWire}). Both carry the same data model; errors name their Smithy shape in
 * {@code __type} and the AWS Query code in {@code x-amzn-query-error}, for query-compatible
 * clients.
 */
final class Wire {
  static final String CBOR_TYPE = "application/cbor";
  static final String JSON_TYPE = "application/x-amz-json-1.0";
  private static final CBORFactory CBOR_FACTORY = new CBORFactory();
  private static final ObjectMapper CBOR_MAPPER = new ObjectMapper(CBOR_FACTORY);
  private static final JsonFactory JSON_FACTORY = Json.MAPPER.getFactory();

  private Wire() {}

  /** The request body as an object; an empty body is an empty input. */
  static ObjectNode decode(Protocol protocol, Request r) {
    if (r.body().length == 0) {
      return Json.object();
    }
    try {
      var node = (protocol == Protocol.CBOR ? CBOR_MAPPER : Json.MAPPER).readTree(r.body());
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      // answered below, as the service does for a body it cannot read
    }
    throw CloudWatchErrors.of(
        "SerializationException", "The request body is not a " + protocol + " object.");
  }

  /** A success: the output written through its shape; an operation without output has no body. */
  static Response encode(Protocol protocol, JsonNode output, String outputShape) {
    var cbor = protocol == Protocol.CBOR;
    if (outputShape == null) {
      var empty = cbor ? Response.empty(200) : Response.of(200, JSON_TYPE, "{}");
      return cbor ? empty.header("smithy-protocol", "rpc-v2-cbor") : empty;
    }
    var bytes = new ByteArrayOutputStream();
    try (var g = (cbor ? CBOR_FACTORY : JSON_FACTORY).createGenerator(bytes)) {
      new ShapeWriter(g).write(output, outputShape);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return body(protocol, 200, bytes.toByteArray());
  }

  /** An error: {@code __type} and message in the body, the query code in a header. */
  static Response error(Protocol protocol, ApiException e) {
    var body = new LinkedHashMap<String, Object>();
    body.put("__type", CloudWatchErrors.shapeId(e.code()));
    body.put("message", e.getMessage());
    byte[] bytes;
    try {
      bytes = (protocol == Protocol.CBOR ? CBOR_MAPPER : Json.MAPPER).writeValueAsBytes(body);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    var fault = e.status() >= 500 ? "Receiver" : "Sender";
    return body(protocol, e.status(), bytes).header("x-amzn-query-error", e.code() + ";" + fault);
  }

  private static Response body(Protocol protocol, int status, byte[] bytes) {
    var headers = new LinkedHashMap<String, String>();
    if (protocol == Protocol.CBOR) {
      headers.put("Content-Type", CBOR_TYPE);
      headers.put("smithy-protocol", "rpc-v2-cbor");
    } else {
      headers.put("Content-Type", JSON_TYPE);
    }
    return new Response(status, headers, bytes);
  }
}
