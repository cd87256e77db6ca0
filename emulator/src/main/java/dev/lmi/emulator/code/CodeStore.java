package dev.lmi.emulator.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.http.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * Resolves a Lambda {@code Code} object to a {@link CodeRef}, mapping S3 objects to a folder. The
 * packages it keeps (uploads and published snapshots, one file per content) live in a scratch
 * folder that {@link #close()} removes.
 */
public final class CodeStore implements AutoCloseable {
  private final CodeDir codeDir;
  private final Path scratch;

  public CodeStore(Path codeDir) {
    this.codeDir = codeDir == null ? null : new CodeDir(codeDir);
    try {
      this.scratch = Files.createTempDirectory("lmi-emulator-code");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resolves ZipFile, S3Bucket/S3Key[/S3ObjectVersion] or ImageUri, in that order. */
  public CodeRef resolve(JsonNode code, String runtime) {
    if (code.hasNonNull("ZipFile")) {
      var bytes = zipFile(code.get("ZipFile"));
      var sha = sha256(bytes);
      var location = "https://lmi-emulator.invalid/code/" + sha.replace('/', '_').replace('+', '-');
      return fromBytes(bytes, write(bytes), runtime, location);
    }
    if (code.hasNonNull("S3Bucket") && code.hasNonNull("S3Key")) {
      return fromS3(
          code.get("S3Bucket").asText(),
          code.get("S3Key").asText(),
          code.path("S3ObjectVersion").asText(""),
          runtime);
    }
    if (code.hasNonNull("ImageUri")) {
      var uri = code.get("ImageUri").asText();
      return new CodeRef(sha256(uri.getBytes(StandardCharsets.UTF_8)), 0, uri, null, "images");
    }
    throw new ApiException(
        400, "InvalidParameterValueException", "Please provide a source for function code.");
  }

  /**
   * An immutable copy for a published version, so later edits in the code folder don't leak;
   * versions with the same content share one copy.
   */
  public CodeRef snapshot(CodeRef ref) {
    if (ref.runnable() == null || ref.runnable().startsWith(scratch)) {
      return ref;
    }
    try {
      return new CodeRef(
          ref.sha256(),
          ref.size(),
          ref.location(),
          write(Files.readAllBytes(ref.runnable())),
          null);
    } catch (IOException | UncheckedIOException e) {
      return new CodeRef(ref.sha256(), ref.size(), ref.location(), null, e.toString());
    }
  }

  /** Removes every package this store wrote; the emulator is closing. */
  @Override
  public void close() {
    try (var files = Files.walk(scratch)) {
      for (var p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + scratch, e);
    }
  }

  /** The decoded deployment package; a value that is not base64 text is the caller's mistake. */
  private static byte[] zipFile(JsonNode value) {
    try {
      if (value.isTextual()) {
        return Base64.getDecoder().decode(value.asText());
      }
    } catch (IllegalArgumentException e) {
      // answered below, like a value of the wrong type
    }
    throw new ApiException(
        400,
        "InvalidParameterValueException",
        "Code.ZipFile must be the base64-encoded contents of a .zip file.");
  }

  /**
   * Without a code folder there is no S3 to ask, so any object is taken on trust (its identity is
   * hashed); with one, the folder is S3 and a key it does not hold is missing, as S3 would say.
   */
  private CodeRef fromS3(String bucket, String key, String objectVersion, String runtime) {
    var location = "s3://" + bucket + "/" + key;
    if (codeDir == null) {
      var identity = (bucket + "/" + key + "/" + objectVersion).getBytes(StandardCharsets.UTF_8);
      var why = "the emulator runs without a code directory (--code-dir)";
      return new CodeRef(sha256(identity), 0, location, null, why);
    }
    var file =
        codeDir
            .object(bucket, key)
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        "InvalidParameterValueException",
                        "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error"
                            + " Message: The specified key does not exist."));
    try {
      return fromBytes(Files.readAllBytes(file), file, runtime, location);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CodeRef fromBytes(byte[] bytes, Path file, String runtime, String location) {
    var java = runtime != null && runtime.startsWith("java");
    var reason =
        java ? null : "only Java runtimes can run in the emulator (runtime " + runtime + ")";
    return new CodeRef(sha256(bytes), bytes.length, location, java ? file : null, reason);
  }

  /** One file per content: environments only read it, and equal uploads share it. */
  private synchronized Path write(byte[] bytes) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      var file = scratch.resolve(HexFormat.of().formatHex(digest) + ".jar");
      if (!Files.exists(file)) {
        var partial = Files.createTempFile(scratch, "code", ".part");
        Files.write(partial, bytes);
        Files.move(partial, file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
