package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What the functions on a capacity provider may use: execution roles and code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenancySpec {
  static final String GLOB =
      " '*' matches any run of characters except '/'; a '*' that ends a pattern matches the rest,"
          + " '/' included. No other character is special.";

  @JsonPropertyDescription(
      "Execution roles (spec.roleArn) the functions may use, as ARN patterns, e.g."
          + " arn:aws:iam::123456789012:role/orders-*. Absent: any role."
          + GLOB
          + " Scope the operator's iam:PassRole to the same roles.")
  @Size(min = 1, max = 32)
  @ValidationRule(
      value = "self.all(p, self.exists_one(q, q == p))",
      message = "roleArnPatterns entries must be unique")
  private List<@Pattern("^arn:[A-Za-z0-9+=,.@_/:*-]+$") @Size(min = 5, max = 2048) String>
      roleArnPatterns;

  @JsonPropertyDescription(
      "Code the functions may run, as patterns of s3://bucket/key (code.s3; the object version"
          + " and sha256 are not part of it) or of the image URI (code.imageUri), e.g."
          + " s3://artifacts/orders/* or 123456789012.dkr.ecr.*.amazonaws.com/orders/*. Absent:"
          + " any code."
          + GLOB)
  @Size(min = 1, max = 32)
  @ValidationRule(
      value = "self.all(p, self.exists_one(q, q == p))",
      message = "codePatterns entries must be unique")
  private List<@Pattern("^[!-~]+$") @Size(min = 1, max = 2048) String> codePatterns;

  public List<String> getRoleArnPatterns() {
    return roleArnPatterns;
  }

  public void setRoleArnPatterns(List<String> roleArnPatterns) {
    this.roleArnPatterns = roleArnPatterns;
  }

  public List<String> getCodePatterns() {
    return codePatterns;
  }

  public void setCodePatterns(List<String> codePatterns) {
    this.codePatterns = codePatterns;
  }
}
