package dev.lmi.handler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void printsOneTableRowAndOneResultLinePerShape() {
    var result =
        new ShapeRun.Result(
            "anisotropic",
            "30000 × 1024",
            "int8-centred-rotated+f32-rerank",
            "18 / 30",
            1.2,
            6.5,
            0.18,
            2600,
            950,
            2.7,
            new double[] {0.68, 1.03},
            24.6,
            785,
            "64/64",
            "0.38 ms (30.7 MB at 81 GB/s)",
            "4.67 7.33 9.21");
    var out = new ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      Summary.print(List.of(result), 10, 32);
    } finally {
      System.setOut(previous);
    }
    var text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("| anisotropic | 30000 × 1024 | int8-centred-rotated+f32-rerank | 18 / 30 |")
        .contains("| **0.180** |", "| **2.70** | 0.680 / 1.030 |", "| 64/64 |")
        .contains("similarity_bench shape=anisotropic single_ms=1.200");
  }
}
