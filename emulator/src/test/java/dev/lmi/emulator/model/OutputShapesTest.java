package dev.lmi.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OutputShapes lambda = new OutputShapes("lambda", Set.of());

  @Test
  void namesAListOfStringsWhereTheModelHasStructures() throws Exception {
    var answer = JSON.readTree("{\"FunctionName\":\"f\",\"Layers\":[\"arn:aws:lambda:x\"]}");

    assertThat(lambda.differences("GetFunctionConfiguration", answer))
        .containsExactly(
            "GetFunctionConfiguration.Layers[0]: STRING where the model has structure");
  }

  @Test
  void namesMembersTheModelDoesNotHaveAndValuesOutsideAnEnum() throws Exception {
    var answer = JSON.readTree("{\"FunctionName\":\"f\",\"Colour\":\"red\",\"State\":\"Sleepy\"}");

    assertThat(lambda.differences("GetFunctionConfiguration", answer))
        .containsExactlyInAnyOrder(
            "GetFunctionConfiguration.Colour: not a member of FunctionConfiguration",
            "GetFunctionConfiguration.State: 'Sleepy' is not one of"
                + " [\"Pending\",\"Active\",\"Inactive\",\"Failed\",\"Deactivating\",\"Deactivated\",\"ActiveNonInvocable\",\"Deleting\"]");
  }

  @Test
  void acceptsAnAnswerThatFitsTheShape() throws Exception {
    var answer =
        JSON.readTree(
            "{\"FunctionName\":\"f\",\"Timeout\":3,\"Layers\":[{\"Arn\":\"a\",\"CodeSize\":0}],"
                + "\"Environment\":{\"Variables\":{\"A\":\"1\"}}}");

    assertThat(lambda.differences("GetFunctionConfiguration", answer)).isEmpty();
  }
}
