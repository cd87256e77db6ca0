package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.ec2.Xml;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.model.AwsModel;
import java.util.UUID;

/** AWS Query answers: the output shape as XML inside {@code <OpResponse><OpResult>}, and errors. */
final class QueryXml {
  private static final AwsModel MODEL = AwsModel.get();
  private static final String NS = MODEL.metadata("cloudwatch", "xmlNamespace");
  private final StringBuilder out = new StringBuilder();

  private QueryXml() {}

  static Response encode(String operation, JsonNode output, String outputShape) {
    var xml = new QueryXml();
    xml.out.append("<").append(operation).append("Response xmlns=\"").append(NS).append("\">");
    if (outputShape != null) {
      xml.out.append("<").append(operation).append("Result>");
      xml.members(output, MODEL.shape("cloudwatch", outputShape));
      xml.out.append("</").append(operation).append("Result>");
    }
    xml.out.append("<ResponseMetadata><RequestId>").append(UUID.randomUUID());
    xml.out.append("</RequestId></ResponseMetadata></").append(operation).append("Response>");
    return Response.xml(200, xml.out.toString());
  }

  static Response error(ApiException e, String requestId) {
    var body =
        "<ErrorResponse xmlns=\""
            + NS
            + "\"><Error><Type>"
            + (e.status() >= 500 ? "Receiver" : "Sender")
            + "</Type><Code>"
            + Xml.escape(e.code())
            + "</Code><Message>"
            + Xml.escape(e.getMessage())
            + "</Message></Error><RequestId>"
            + requestId
            + "</RequestId></ErrorResponse>";
    return Response.xml(e.status(), body);
  }

  private void write(JsonNode value, String shapeName) {
    var shape = MODEL.shape("cloudwatch", shapeName);
    switch (shape.path("type").asText()) {
      case "structure" -> members(value, shape);
      case "list" -> {
        for (var item : value) {
          out.append("<member>");
          write(item, shape.path("member").path("shape").asText());
          out.append("</member>");
        }
      }
      case "map" -> {
        for (var e : value.properties()) {
          out.append("<entry><key>").append(Xml.escape(e.getKey())).append("</key><value>");
          write(e.getValue(), shape.path("value").path("shape").asText());
          out.append("</value></entry>");
        }
      }
      case "timestamp" -> out.append(Timestamps.iso(value.asDouble()));
      case "double", "float" -> out.append(value.asDouble());
      default -> out.append(Xml.escape(value.asText()));
    }
  }

  private void members(JsonNode value, JsonNode shape) {
    for (var member : shape.path("members").properties()) {
      var child = value.get(member.getKey());
      if (child != null && !child.isNull()) {
        out.append("<").append(member.getKey()).append(">");
        write(child, member.getValue().path("shape").asText());
        out.append("</").append(member.getKey()).append(">");
      }
    }
  }
}
