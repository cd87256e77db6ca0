package dev.lmi.operator.api;

/**
 * Input constraints of the AWS operations the operator calls (Lambda CreateFunction, TagResource,
 * CreateCapacityProvider...), written once for the CRD annotations that carry them.
 */
public final class AwsRules {
  /** Characters of a tag key or value in Lambda (letters, digits, spaces and _ . : / = + - @). */
  public static final String TAG_PATTERN = "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$";

  /** Tag keys: 1-128 characters of {@link #TAG_PATTERN}. */
  public static final String TAG_KEY_RULE =
      "self.all(k, size(k) >= 1 && size(k) <= 128 && k.matches(r'" + TAG_PATTERN + "'))";

  public static final String TAG_KEY_MESSAGE =
      "tag keys are 1-128 letters, digits, spaces and _ . : / = + - @";

  /** The prefix AWS reserves, in any case. */
  public static final String TAG_AWS_RULE = "self.all(k, !k.lowerAscii().startsWith('aws:'))";

  public static final String TAG_AWS_MESSAGE =
      "tag keys must not start with aws: (reserved by AWS, in any case)";

  /** The operator's own tags. */
  public static final String TAG_LMI_RULE = "self.all(k, !k.startsWith('lmi.dev/'))";

  public static final String TAG_LMI_MESSAGE =
      "tag keys must not start with lmi.dev/ (the operator's own tags)";

  /** Lambda's environment variable names: a letter, then at least one letter, digit or '_'. */
  public static final String ENV_NAME_RULE = "self.all(k, k.matches('^[a-zA-Z][a-zA-Z0-9_]+$'))";

  /**
   * A lower bound of the 4 KB Lambda allows for the JSON of the variables: characters of names and
   * values plus 6 per variable ("":"" and a comma) plus the braces. The validator and the operator
   * check the exact UTF-8 size, escapes included.
   */
  public static final String ENV_SIZE_RULE =
      "size(self.map(k, k + self[k]).join('')) + 6 * size(self) + 1 <= 4096";

  public static final String ENV_SIZE_MESSAGE =
      "environment is larger than the 4 KB (4096 bytes) Lambda allows for all variables together";

  private AwsRules() {}
}
