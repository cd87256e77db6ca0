package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.ProviderDesired;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lambda takes 50 tags per resource, the operator's own included: the most tags the CRD lets a user
 * declare, plus those the operator adds, must fit.
 */
class TagBudgetTest {
  private static final int LAMBDA_TAGS_PER_RESOURCE = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CrdCatalog catalog = CrdCatalog.fromClasspath();

  @Test
  void aFunctionWithAsManyTagsAsTheCrdAllowsStaysWithinLambdasFifty() throws Exception {
    var most = maxTags("LmiFunction");
    var function =
        JSON.treeToValue(
            Manifests.edit(Manifests.example("orders-list.yaml"), "spec.tags=" + tags(most)),
            LmiFunction.class);

    var desired =
        FunctionDesired.of(
            function, "arn:aws:lambda:us-east-1:123456789012:capacity-provider:p", "owner");

    assertThat(desired.tags())
        .hasSizeGreaterThan(most)
        .hasSizeLessThanOrEqualTo(LAMBDA_TAGS_PER_RESOURCE);
  }

  @Test
  void aProviderWithAsManyTagsAsTheCrdAllowsStaysWithinLambdasFifty() throws Exception {
    var most = maxTags("CapacityProvider");
    var provider =
        JSON.treeToValue(
            Manifests.edit(Manifests.example("capacity-provider.yaml"), "spec.tags=" + tags(most)),
            CapacityProvider.class);

    var desired = ProviderDesired.of(provider, List.of("subnet-1"), List.of(), "owner");

    assertThat(desired.tags())
        .hasSizeGreaterThan(most)
        .hasSizeLessThanOrEqualTo(LAMBDA_TAGS_PER_RESOURCE);
  }

  private int maxTags(String kind) {
    var schema = catalog.find("lmi.dev/v1alpha1", kind).orElseThrow().schema();
    return schema.at("/properties/spec/properties/tags/maxProperties").asInt();
  }

  private static String tags(int n) {
    var yaml = new StringBuilder("{");
    for (var i = 0; i < n; i++) {
      yaml.append(i == 0 ? "" : ", ").append("t").append(i).append(": v");
    }
    return yaml.append("}").toString();
  }
}
