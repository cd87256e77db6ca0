package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.lambda.ShapeWalker;
import dev.lmi.emulator.lambda.Validator;
import dev.lmi.emulator.model.AwsModel;

/** A CloudWatch input against its shape in the model, whichever protocol it came in. */
final class InputShapes {
  private static final AwsModel MODEL = AwsModel.get();

  private InputShapes() {}

  /** The model's constraints, reported as the service framework does (ValidationError). */
  static void check(ObjectNode input, String inputShape) {
    var walker = new ShapeWalker(MODEL, "cloudwatch", new Validator(), CloudWatchErrors::wrongType);
    var shape = MODEL.shape("cloudwatch", inputShape);
    for (var member : shape.path("members").properties()) {
      var value = input.get(member.getKey());
      var path = AwsModel.camel(member.getKey());
      if ((value == null || value.isNull()) && contains(shape.path("required"), member.getKey())) {
        walker.validator().required(null, path);
      } else {
        walker.walk(value, member.getValue().path("shape").asText(), path);
      }
    }
    walker.validator().throwIfInvalid("ValidationError");
  }

  private static boolean contains(JsonNode array, String value) {
    for (var v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
