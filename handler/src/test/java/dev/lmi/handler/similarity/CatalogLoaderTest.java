package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CatalogLoaderTest {

  @Test
  void readsLittleEndianFloat32Binary() {
    var bytes = CatalogLoader.toBytes(new float[] {1.5f, -2f, 0.25f});
    assertThat(bytes).hasSize(12);
    assertThat(bytes[3]).isEqualTo((byte) 0x3f);
    var value = AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    assertThat(CatalogLoader.embedding("p-1", value)).containsExactly(1.5f, -2f, 0.25f);
  }

  @Test
  void alsoAcceptsAListOfNumbers() {
    var value =
        AttributeValue.fromL(List.of(AttributeValue.fromN("0.5"), AttributeValue.fromN("-1")));
    assertThat(CatalogLoader.embedding("p-1", value)).containsExactly(0.5f, -1f);
  }

  @Test
  void rejectsBinaryThatIsNotFloat32() {
    var value = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> CatalogLoader.embedding("p-7", value)).hasMessageContaining("p-7");
  }

  @Test
  void aDimensionMismatchNamesTheProductAndBothDimensions() {
    var product = new Product("p-3", "Kettle", "kitchen", new float[384]);
    assertThatThrownBy(() -> CategoryIndex.of("kitchen", List.of(product), 1024))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("p-3")
        .hasMessageContaining("384 dimensions")
        .hasMessageContaining("1024");
  }

  @Test
  void productsAreOrderedByIdSoTiesGoToTheLowerId() {
    var same = new float[] {1, 0};
    var index =
        CategoryIndex.of(
            "audio",
            List.of(new Product("p-2", "B", "audio", same), new Product("p-1", "A", "audio", same)),
            2);
    assertThat(index.search(new float[] {1, 0}, 2))
        .extracting(Hit::productId)
        .containsExactly("p-1", "p-2");
  }
}
