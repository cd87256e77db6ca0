package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Location of a code package in S3. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3Code {

  @JsonPropertyDescription("Bucket in the function's region (3-63 characters, not ending in '.').")
  @Required
  @Size(min = 3, max = 63)
  @Pattern("^[0-9A-Za-z.\\-_]*[0-9A-Za-z\\-_]$")
  private String bucket;

  @JsonPropertyDescription("Object key.")
  @Required
  @Size(min = 1, max = 1024)
  private String key;

  @JsonPropertyDescription(
      "Object version, for versioned buckets: a new value publishes a new version.")
  @Size(min = 1, max = 1024)
  private String objectVersion;

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getObjectVersion() {
    return objectVersion;
  }

  public void setObjectVersion(String objectVersion) {
    this.objectVersion = objectVersion;
  }
}
