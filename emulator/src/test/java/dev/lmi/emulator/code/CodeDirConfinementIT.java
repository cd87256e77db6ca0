package dev.lmi.emulator.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/** An S3 key names a file inside --code-dir and nothing else, however it is spelled. */
class CodeDirConfinementIT {
  @TempDir static Path root;
  private static LmiEmulator emulator;
  private static LambdaClient lambda;
  private static Path secret;

  @BeforeAll
  static void start() throws Exception {
    var codeDir = Files.createDirectories(root.resolve("work/code"));
    var bucket = Files.createDirectories(codeDir.resolve("bucket"));
    Files.writeString(bucket.resolve("inside.jar"), "inside");
    var outside = Files.createDirectories(root.resolve("outside"));
    secret = Files.writeString(outside.resolve("secret.txt"), "the developer's secret");
    Files.createSymbolicLink(bucket.resolve("linked-dir"), outside);
    Files.writeString(outside.resolve("linked.jar"), "a jar the developer linked in");
    Files.createSymbolicLink(bucket.resolve("linked.jar"), outside.resolve("linked.jar"));
    emulator =
        LmiEmulator.start(
            EmulatorConfig.defaults().withTimings(Timings.instant()).withCodeDir(codeDir));
    lambda = Clients.lambda(emulator);
  }

  @AfterAll
  static void stop() {
    lambda.close();
    emulator.close();
  }

  private static long create(String name, String key) {
    return lambda
        .createFunction(
            b ->
                b.functionName(name)
                    .role("arn:aws:iam::123456789012:role/r")
                    .runtime("java21")
                    .handler("h")
                    .code(c -> c.s3Bucket("bucket").s3Key(key)))
        .codeSize();
  }

  private static void assertMissing(String name, String key) {
    assertThatThrownBy(() -> create(name, key))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("S3 Error Code: NoSuchKey");
  }

  @Test
  void servesAFileInsideTheCodeDir() {
    assertThat(create("inside", "inside.jar")).isEqualTo(6);
  }

  @Test
  void aMissingObjectIsAnsweredLikeS3() {
    assertMissing("missing", "nope.jar");
  }

  @Test
  void aKeyClimbingOutOfTheCodeDirNamesAMissingObject() {
    assertMissing("climb", "../../../outside/secret.txt");
    assertMissing("climb2", "inside/../../../../outside/secret.txt");
  }

  @Test
  void anAbsoluteKeyNamesAMissingObject() {
    assertMissing("absolute", secret.toString());
    assertMissing("passwd", "/etc/passwd");
  }

  @Test
  void aLinkedDirectoryDoesNotOpenTheRestOfTheDisk() {
    assertMissing("via-link", "linked-dir/secret.txt");
  }

  @Test
  void aJarLinkedIntoTheCodeDirIsServedAsTheLocalModeDoes() {
    assertThat(create("linked", "linked.jar")).isEqualTo(29);
  }

  @Test
  void updateFunctionCodeIsConfinedToo() {
    create("updated", "inside.jar");

    assertThatThrownBy(
            () ->
                lambda.updateFunctionCode(
                    b ->
                        b.functionName("updated")
                            .s3Bucket("bucket")
                            .s3Key("../../outside/secret.txt")))
        .isInstanceOf(InvalidParameterValueException.class);
  }
}
