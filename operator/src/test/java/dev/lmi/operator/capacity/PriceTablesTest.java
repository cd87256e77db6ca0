package dev.lmi.operator.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTablesTest {
  @TempDir Path dir;

  static final String VALID =
      """
      name: eu-2026-09
      date: "2026-09"
      region: eu-west-1
      currency: USD
      source: my own reading of the EC2 pricing page
      hoursPerMonth: 730
      managementFeePercent: 15
      instances:
        - {architecture: arm64, memoryGiBPerVCpu: 2, instanceType: c7g.large, vCpus: 2, hourlyUsd: 0.0794}
        - {architecture: arm64, memoryGiBPerVCpu: 4, instanceType: m7g.large, vCpus: 2, hourlyUsd: "0.0894"}
        - {architecture: arm64, memoryGiBPerVCpu: 8, instanceType: r7g.large, vCpus: 2, hourlyUsd: "0.1176"}
        - {architecture: x86_64, memoryGiBPerVCpu: 2, instanceType: c7i.large, vCpus: 2, hourlyUsd: "0.0970"}
        - {architecture: x86_64, memoryGiBPerVCpu: 4, instanceType: m7i.large, vCpus: 2, hourlyUsd: "0.1120"}
        - {architecture: x86_64, memoryGiBPerVCpu: 8, instanceType: r7i.xlarge, vCpus: 4, hourlyUsd: "0.2984"}
      """;

  @Test
  void theShippedTableSaysWhenWhereAndWhence() {
    var table = PriceTables.defaults();

    assertThat(table.label()).isEqualTo("default 2026-06, us-east-1");
    assertThat(table.currency()).isEqualTo("USD");
    assertThat(table.hoursPerMonth()).isEqualTo(730);
    assertThat(table.managementFeePercent()).isEqualByComparingTo("15");
    assertThat(table.source()).contains("EC2 On-Demand", "15 % compute management fee");
    assertThat(table.instances()).hasSize(6);
  }

  @Test
  void readsAnOverrideExactlyNumbersAndStringsAlike() throws Exception {
    var file = Files.writeString(dir.resolve("prices.yaml"), VALID);

    var table = PriceTables.load(file);

    assertThat(table.label()).isEqualTo("eu-2026-09 2026-09, eu-west-1");
    assertThat(table.price("arm64", 2).hourlyUsd()).isEqualByComparingTo("0.0794");
    assertThat(table.price("arm64", 2).vCpuHourUsd()).isEqualByComparingTo("0.0397");
    assertThat(table.price("x86_64", 8).vCpuHourUsd()).isEqualByComparingTo("0.0746");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown key         | name: eu-2026-09=>nmae: eu-2026-09                         | nmae: unknown key (known: name, date
          no name             | name: eu-2026-09\\n=>                                      | name: required: a non-empty string
          euros               | currency: USD=>currency: EUR                               | currency: must be USD
          no hours            | hoursPerMonth: 730=>hoursPerMonth: 0                       | hoursPerMonth: required: a whole number from 1 to 744
          hours as text       | hoursPerMonth: 730=>hoursPerMonth: lots                    | hoursPerMonth: required: a whole number
          fee above 100       | managementFeePercent: 15=>managementFeePercent: 115        | managementFeePercent: required: a decimal number from 0 to 100
          price not a number  | "0.0894"=>"cheap"                                          | instances[1].hourlyUsd: required: a decimal number
          zero price          | "0.0894"=>"0"                                              | instances[1].hourlyUsd: required: a decimal number from 0.000001
          unknown instance key | vCpus: 2, hourlyUsd: "0.0894"=>vCpu: 2, hourlyUsd: "0.0894" | instances[1].vCpu: unknown key
          unknown architecture | {architecture: arm64, memoryGiBPerVCpu: 4=>{architecture: aarch64, memoryGiBPerVCpu: 4 | instances[1].architecture: "aarch64" is not arm64 or x86_64
          ratio 3             | {architecture: arm64, memoryGiBPerVCpu: 4=>{architecture: arm64, memoryGiBPerVCpu: 3 | instances[1].memoryGiBPerVCpu: 3 is not 2, 4 or 8
          two prices for one ratio | {architecture: arm64, memoryGiBPerVCpu: 4=>{architecture: arm64, memoryGiBPerVCpu: 2 | instances[1].memoryGiBPerVCpu: a second price for arm64 at 2 GiB/vCPU
          no instances        | instances:=>instancez:                                     | instancez: unknown key
          """)
  void refusesABrokenOverrideNamingTheField(String why, String edit, String message) {
    var parts = edit.split("=>", -1);
    var text = VALID.replace(parts[0].replace("\\n", "\n"), parts[1]);

    assertThatThrownBy(() -> PriceTables.parse(text, "prices.yaml"))
        .isInstanceOf(PriceTableException.class)
        .hasMessageStartingWith("price table prices.yaml: ")
        .hasMessageContaining(message);
  }

  @Test
  void refusesATableThatLeavesAnArchitectureAndRatioUnpriced() {
    var text =
        VALID.lines().filter(l -> !l.contains("r7i.xlarge")).reduce("", (a, b) -> a + b + "\n");

    assertThatThrownBy(() -> PriceTables.parse(text, "prices.yaml"))
        .hasMessage(
            "price table prices.yaml: instances: no price for x86_64 at 8 GiB/vCPU: list one"
                + " instance for every architecture and ratio");
  }

  @Test
  void refusesWhatIsNotATableAtAll() {
    assertThatThrownBy(() -> PriceTables.parse("", "p")).hasMessageContaining("not a mapping");
    assertThatThrownBy(() -> PriceTables.parse("- a\n- b\n", "p"))
        .hasMessageContaining("not a mapping");
    assertThatThrownBy(() -> PriceTables.parse("a: [", "p")).hasMessageContaining("not YAML");
    assertThatThrownBy(() -> PriceTables.parse("a: &x 1\nb: *x\nname: [*x]\n", "p"))
        .hasMessageContaining("unknown key");
  }

  @Test
  void refusesFilesItCannotRead() throws IOException {
    assertThatThrownBy(() -> PriceTables.load(dir.resolve("absent.yaml")))
        .hasMessageContaining("absent.yaml: not a readable regular file");
    assertThatThrownBy(() -> PriceTables.load(dir))
        .hasMessageContaining("not a readable regular file");
    var latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', ':', ' ', (byte) 0xe9});
    assertThatThrownBy(() -> PriceTables.load(latin1)).hasMessageContaining("not UTF-8 text");
    var huge = Files.write(dir.resolve("huge.yaml"), new byte[(1 << 20) + 1]);
    assertThatThrownBy(() -> PriceTables.load(huge)).hasMessageContaining("larger than 1 MiB");
  }
}
