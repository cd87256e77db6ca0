package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The function's code: an S3 object or a container image, never both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.s3) != has(self.imageUri)",
    message = "set exactly one of code.s3 and code.imageUri")
@ValidationRule(
    value = "!has(self.sha256) || has(self.s3)",
    message = "code.sha256 applies to code.s3 only; pin an image by digest (@sha256:...) instead",
    fieldPath = ".sha256")
public class CodeSpec {

  @JsonPropertyDescription("A zip or jar in S3.")
  private S3Code s3;

  @JsonPropertyDescription(
      "Container image URI in Amazon ECR (<account>.dkr.ecr.<region>.<domain>/<repository> with"
          + " :<tag> or @sha256:<digest>); pin it by digest so a new image is noticed.")
  @Size(min = 1, max = 512)
  @Pattern(
      "^[0-9]{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.[a-z0-9.-]+/"
          + "[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*"
          + "(:[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}(@sha256:[a-f0-9]{64})?|@sha256:[a-f0-9]{64})$")
  private String imageUri;

  @JsonPropertyDescription(
      "SHA-256 of the S3 object (hex), for buckets without versioning: a new value publishes a"
          + " new version.")
  @Pattern("^[0-9a-f]{64}$")
  private String sha256;

  public S3Code getS3() {
    return s3;
  }

  public void setS3(S3Code s3) {
    this.s3 = s3;
  }

  public String getImageUri() {
    return imageUri;
  }

  public void setImageUri(String imageUri) {
    this.imageUri = imageUri;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }
}
