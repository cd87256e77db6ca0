package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.lmi.emulator.model.AwsModel;
import java.io.IOException;

/**
 * Writes an answer through its output shape in the model, to CBOR or JSON: only the model's
 * members, each in its wire type. Timestamps (epoch seconds in the answer) become CBOR tag 1 or a
 * JSON number, as the two protocols encode them.
 */
final class ShapeWriter {
  private static final AwsModel MODEL = AwsModel.get();
  private final JsonGenerator g;

  ShapeWriter(JsonGenerator generator) {
    this.g = generator;
  }

  void write(JsonNode value, String shapeName) throws IOException {
    var shape = MODEL.shape("cloudwatch", shapeName);
    switch (shape.path("type").asText()) {
      case "structure" -> structure(value, shape);
      case "list" -> {
        g.writeStartArray();
        for (var item : value) {
          write(item, shape.path("member").path("shape").asText());
        }
        g.writeEndArray();
      }
      case "map" -> {
        g.writeStartObject();
        for (var e : value.properties()) {
          g.writeFieldName(e.getKey());
          write(e.getValue(), shape.path("value").path("shape").asText());
        }
        g.writeEndObject();
      }
      case "timestamp" -> {
        if (g instanceof CBORGenerator cbor) {
          cbor.writeTag(1);
        }
        g.writeNumber(value.asDouble());
      }
      case "integer", "long" -> g.writeNumber(value.asLong());
      case "double", "float" -> g.writeNumber(value.asDouble());
      case "boolean" -> g.writeBoolean(value.asBoolean());
      case "blob" -> g.writeBinary(value.binaryValue());
      default -> g.writeString(value.asText());
    }
  }

  private void structure(JsonNode value, JsonNode shape) throws IOException {
    g.writeStartObject();
    for (var member : shape.path("members").properties()) {
      var child = value.get(member.getKey());
      if (child != null && !child.isNull()) {
        g.writeFieldName(member.getKey());
        write(child, member.getValue().path("shape").asText());
      }
    }
    g.writeEndObject();
  }
}
