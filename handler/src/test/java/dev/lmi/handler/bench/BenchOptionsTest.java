package dev.lmi.handler.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {

  @Test
  void rejectsUnknownOptionsMissingValuesAndBadNumbersBeforeRunning() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bogus"}))
        .isInstanceOf(BenchOptions.UsageException.class)
        .hasMessage("unknown option --bogus");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rows"}))
        .hasMessage("--rows needs a value");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--k", "ten"}))
        .hasMessage("--k takes a whole number, not ten");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rounds", "0"}))
        .hasMessage("--rounds must be at least 1, not 0");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--shapes", "gaussian,cubes"}))
        .hasMessageStartingWith("unknown shape cubes");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--data", "x.f32", "--dim", "4"}))
        .hasMessageContaining("--data, --queries and --dim go together");
  }

  @Test
  void acceptsEveryDocumentedOption() {
    var options =
        BenchOptions.parse(
            new String[] {
              "--shapes",
              "clustered,powerlaw",
              "--rows",
              "5000",
              "--k",
              "5",
              "--no-compare",
              "--rounds",
              "2"
            });
    assertThat(options.integer("--rows", 1)).isEqualTo(5000);
    assertThat(options.has("--no-compare")).isTrue();
  }

  @Test
  void aFileThatIsNotWholeRowsOfTheGivenDimensionIsAUsageError(@TempDir Path dir) throws Exception {
    var file = dir.resolve("rows.f32");
    Files.write(file, new byte[4 * 10]);
    assertThat(BenchData.read(file, 5)).hasSize(10);
    assertThatThrownBy(() -> BenchData.read(file, 3))
        .isInstanceOf(BenchOptions.UsageException.class)
        .hasMessageContaining("not a whole number of rows of 3 float32 values");
    assertThatThrownBy(() -> BenchData.read(dir.resolve("missing.f32"), 3))
        .isInstanceOf(BenchOptions.UsageException.class);
  }

  @Test
  void theScratchDirectoryIsGoneAfterTheRun() throws Exception {
    Path kept;
    try (var scratch = new BenchData.Scratch()) {
      kept = scratch.dir;
      BenchData.write(kept.resolve("data.f32"), new float[] {1, 2, 3});
      Files.createDirectories(kept.resolve("nested"));
    }
    assertThat(kept).doesNotExist();
  }

  @Test
  void aFileHoldingANonFiniteValueIsAUsageErrorNamingRowAndValue(@TempDir Path dir)
      throws Exception {
    var file = dir.resolve("data.f32");
    var values = new float[10];
    values[7] = Float.NaN;
    BenchData.write(file, values);
    assertThatThrownBy(() -> BenchData.read(file, 5))
        .isInstanceOf(BenchOptions.UsageException.class)
        .hasMessageContaining("row 1, value 2 is NaN");
  }
}
