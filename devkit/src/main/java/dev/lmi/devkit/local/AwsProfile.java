package dev.lmi.devkit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An AWS CLI and SDK config file with a {@code lmi-local} profile: region, dummy keys (the emulator
 * takes any) and the endpoints (Lambda, EC2 and STS at the emulator, DynamoDB at DynamoDB Local),
 * so the commands the banner prints work as copied, on a machine without AWS credentials.
 */
final class AwsProfile {
  static final String PROFILE = "lmi-local";
  static final String FILE = "aws-config";

  private AwsProfile() {}

  static Path write(Path dir, String region, URI aws, URI dynamoDb) {
    var text =
        """
        # Written by the lmi-operator local mode; rewritten at each start.
        # AWS_CONFIG_FILE=%1$s aws --profile %2$s lambda list-functions
        [profile %2$s]
        region = %3$s
        aws_access_key_id = local
        aws_secret_access_key = local
        endpoint_url = %4$s
        services = %2$s

        [services %2$s]
        dynamodb =
          endpoint_url = %5$s
        """
            .formatted(dir.resolve(FILE).toAbsolutePath(), PROFILE, region, aws, dynamoDb);
    try {
      return Files.writeString(dir.resolve(FILE), text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
    }
  }

  /** The prefix that makes an `aws` command use this profile, whatever the user's own setup. */
  static String cli(Path file) {
    return "AWS_CONFIG_FILE=" + file.toAbsolutePath() + " aws --profile " + PROFILE;
  }
}
