package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lmi.operator.crd.CrdPostProcessor;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrdPostProcessorTest {
  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      spec:
        names: {kind: LmiFunction}
        versions:
        - name: v1alpha1
          additionalPrinterColumns:
          - {name: Age, jsonPath: .metadata.creationTimestamp, type: date}
          - {name: AWS Name, jsonPath: .status.awsName, type: string}
          - {name: Ready, jsonPath: .status.ready, type: string}
          - {name: Latest, jsonPath: .status.publishedVersion, type: string}
          - {name: Provider, jsonPath: .spec.capacityProviderRef.name, type: string}
          - {name: Reason, jsonPath: .status.reason, type: string}
          - {name: Version, jsonPath: .status.aliasVersion, type: string}
          schema:
            openAPIV3Schema:
              properties:
                spec: {type: object}
              type: object
      """;

  @Test
  void ordersPrinterColumnsAsDeclaredOnTheCustomResourceClass() throws IOException {
    var processed = CrdPostProcessor.process(CRD, "dev.lmi.operator.api");

    var columns =
        new YAMLMapper()
            .readTree(processed)
            .at("/spec/versions/0/additionalPrinterColumns")
            .findValuesAsText("name");
    assertThat(columns)
        .containsExactly("Ready", "Reason", "Version", "Provider", "Age", "Latest", "AWS Name");
    assertThat(processed).startsWith(CrdPostProcessor.HEADER);
  }

  @Test
  void givesTheSchemaTheCustomResourceClassDescriptionFirst() throws IOException {
    var processed = CrdPostProcessor.process(CRD, "dev.lmi.operator.api");

    var schema = new YAMLMapper().readTree(processed).at("/spec/versions/0/schema/openAPIV3Schema");
    assertThat(schema.fieldNames()).toIterable().first().isEqualTo("description");
    assertThat(schema.path("description").asText()).startsWith("A Lambda function on Lambda");
    assertThat(schema.at("/properties/spec/type").asText()).isEqualTo("object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"capacityproviders.lmi.dev", "lmifunctions.lmi.dev"})
  void kubectlExplainFindsADescriptionForTheKindItsSpecAndItsStatus(String crd) throws IOException {
    var schema =
        new YAMLMapper()
            .readTree(Path.of("..", "crds", crd + ".yaml").toFile())
            .at("/spec/versions/0/schema/openAPIV3Schema");

    assertThat(schema.path("description").asText()).isNotBlank();
    assertThat(schema.at("/properties/spec/description").asText()).isNotBlank();
    assertThat(schema.at("/properties/status/description").asText()).isNotBlank();
  }

  @Test
  void processingIsIdempotent() throws IOException {
    var once = CrdPostProcessor.process(CRD, "dev.lmi.operator.api");

    assertThat(CrdPostProcessor.process(once, "dev.lmi.operator.api")).isEqualTo(once);
  }
}
