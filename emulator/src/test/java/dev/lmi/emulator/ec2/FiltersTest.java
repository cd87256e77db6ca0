package dev.lmi.emulator.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiltersTest {
  private static final Map<String, String> TAGS = Map.of("tier", "private", "Name", "private-a");

  private static boolean matches(Map<String, List<String>> filters) {
    return Filters.matches(filters, TAGS, name -> name.equals("vpc-id") ? List.of("vpc-1") : null);
  }

  @Test
  void andsAcrossFiltersAndOrsAcrossValues() {
    assertThat(matches(Map.of("vpc-id", List.of("vpc-2", "vpc-1"), "tag:tier", List.of("private"))))
        .isTrue();
    assertThat(matches(Map.of("vpc-id", List.of("vpc-1"), "tag:tier", List.of("public"))))
        .isFalse();
  }

  @Test
  void supportsWildcardsAndTagKeys() {
    assertThat(matches(Map.of("tag:Name", List.of("private-*")))).isTrue();
    assertThat(matches(Map.of("tag:Name", List.of("?rivate-a")))).isTrue();
    assertThat(matches(Map.of("tag-key", List.of("tier")))).isTrue();
    assertThat(matches(Map.of("tag:missing", List.of("*")))).isFalse();
  }

  @Test
  void rejectsUnknownFilterNames() {
    assertThatThrownBy(() -> Filters.check(Map.of("colour", List.of("red")), Set.of("vpc-id")))
        .hasMessage("The filter 'colour' is invalid");
  }
}
