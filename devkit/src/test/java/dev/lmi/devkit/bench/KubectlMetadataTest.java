package dev.lmi.devkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata the bench adds to look like objects kubectl applied to a real API server. */
class KubectlMetadataTest {

  @Test
  void recordsTheManifestAndEveryFieldItSetsAsKubectlsClientSideApplyDoes() throws Exception {
    var fn = KubectlMetadata.add(BenchResources.function("bench", "fn-1", "pool-0"));

    var lastApplied =
        new ObjectMapper()
            .readTree(fn.getMetadata().getAnnotations().get(KubectlMetadata.LAST_APPLIED));
    assertThat(lastApplied.at("/metadata/name").asText()).isEqualTo("fn-1");
    assertThat(lastApplied.at("/spec/code/s3/key").asText()).isEqualTo("fn-1.jar");
    assertThat(lastApplied.at("/metadata/annotations").isMissingNode()).isTrue();
    var entry = fn.getMetadata().getManagedFields().get(0);
    assertThat(entry.getManager()).isEqualTo("kubectl-client-side-apply");
    assertThat(entry.getOperation()).isEqualTo("Update");
    assertThat(entry.getApiVersion()).isEqualTo("lmi.dev/v1alpha1");
    @SuppressWarnings("unchecked")
    var spec = (Map<String, Object>) entry.getFieldsV1().getAdditionalProperties().get("f:spec");
    assertThat(spec).containsKeys(".", "f:memoryMiB", "f:code", "f:capacityProviderRef");
    assertThat(spec.get("f:code")).isEqualTo(Map.of(".", Map.of(), "f:s3", s3Fields()));
  }

  private static Map<String, Object> s3Fields() {
    var s3 = new java.util.LinkedHashMap<String, Object>();
    s3.put(".", Map.of());
    s3.put("f:bucket", Map.of());
    s3.put("f:key", Map.of());
    s3.put("f:objectVersion", Map.of());
    return s3;
  }
}
