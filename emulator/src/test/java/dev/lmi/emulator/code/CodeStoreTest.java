package dev.lmi.emulator.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeStoreTest {
  private static final ObjectMapper M = new ObjectMapper();

  @TempDir Path codeDir;

  @Test
  void versionsWithTheSameCodeShareOneCopy() throws IOException {
    Files.createDirectories(codeDir.resolve("bucket"));
    Files.write(codeDir.resolve("bucket/fn.jar"), new byte[] {1, 2, 3});
    try (var store = new CodeStore(codeDir)) {
      var latest = store.resolve(s3("bucket", "fn.jar"), "java21");

      var v1 = store.snapshot(latest);
      var v2 = store.snapshot(latest);

      assertThat(v1.runnable()).isEqualTo(v2.runnable()).isNotEqualTo(latest.runnable());
      assertThat(Files.readAllBytes(v1.runnable())).containsExactly(1, 2, 3);
      try (var files = Files.list(v1.runnable().getParent())) {
        assertThat(files).hasSize(1);
      }
    }
  }

  @Test
  void aChangedObjectGetsItsOwnCopyAndTheOldVersionKeepsItsCode() throws IOException {
    Files.createDirectories(codeDir.resolve("bucket"));
    var object = codeDir.resolve("bucket/fn.jar");
    try (var store = new CodeStore(codeDir)) {
      Files.write(object, new byte[] {1});
      var v1 = store.snapshot(store.resolve(s3("bucket", "fn.jar"), "java21"));
      Files.write(object, new byte[] {2});
      var v2 = store.snapshot(store.resolve(s3("bucket", "fn.jar"), "java21"));

      assertThat(Files.readAllBytes(v1.runnable())).containsExactly(1);
      assertThat(Files.readAllBytes(v2.runnable())).containsExactly(2);
    }
  }

  @Test
  void closingRemovesEveryPackageItWrote() throws IOException {
    var store = new CodeStore(null);
    var zip = store.resolve(M.createObjectNode().put("ZipFile", "AQID"), "java21");
    var scratch = zip.runnable().getParent();

    store.close();

    assertThat(zip.runnable()).doesNotExist();
    assertThat(scratch).doesNotExist();
  }

  @Test
  void closingAnEnvironmentsLoaderRemovesTheLibrariesItExtracted() throws IOException {
    var archive = codeDir.resolve("fn.zip");
    try (var out = new JarOutputStream(Files.newOutputStream(archive))) {
      out.putNextEntry(new JarEntry("lib/dep.jar"));
      out.write(new byte[] {80, 75, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
      out.closeEntry();
    }
    var loader = new HandlerClassLoader(archive);
    var lib = Path.of(java.net.URI.create(loader.getURLs()[1].toString()));
    assertThat(lib).exists();

    loader.close();

    assertThat(lib).doesNotExist();
    assertThat(lib.getParent()).doesNotExist();
  }

  private static com.fasterxml.jackson.databind.JsonNode s3(String bucket, String key) {
    return M.createObjectNode().put("S3Bucket", bucket).put("S3Key", key);
  }
}
