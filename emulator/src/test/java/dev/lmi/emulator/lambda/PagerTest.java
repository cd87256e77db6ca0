package dev.lmi.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagerTest {
  @Test
  void walksAllPagesWithOpaqueMarkers() {
    var items = List.of(1, 2, 3, 4, 5);

    var first = Pager.page(items, null, 2, 50);
    var second = Pager.page(items, first.nextMarker(), 2, 50);
    var last = Pager.page(items, second.nextMarker(), 2, 50);

    assertThat(first.items()).containsExactly(1, 2);
    assertThat(first.nextMarker()).doesNotContain("2");
    assertThat(second.items()).containsExactly(3, 4);
    assertThat(last.items()).containsExactly(5);
    assertThat(last.nextMarker()).isNull();
  }

  @Test
  void usesTheDefaultPageSize() {
    assertThat(Pager.page(List.of(1, 2, 3), null, null, 2).items()).containsExactly(1, 2);
  }

  @Test
  void rejectsAGarbageMarker() {
    assertThatThrownBy(() -> Pager.page(List.of(1), "%%%", null, 50))
        .hasMessageContaining("Invalid marker");
  }
}
