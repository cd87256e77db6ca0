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

/** Resolves a Lambda {@code Code} object to a {@link CodeRef}, mapping S3 objects to a folder. */
public final class CodeStore {
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

  /** An immutable copy for a published version, so later edits in the code folder don't leak. */
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
    } catch (IOException e) {
      return new CodeRef(ref.sha256(), ref.size(), ref.location(), null, e.toString());
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

  private Path write(byte[] bytes) {
    try {
      var file = Files.createTempFile(scratch, "code", ".jar");
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
