package dev.lmi.emulator.ec2;

import java.util.Set;

/**
 * The AWS services a VPC endpoint can reach, by the short name in {@code com.amazonaws.<region>.X}:
 * gateway endpoints exist for S3 and DynamoDB only; interface endpoints for the services below (a
 * subset of AWS's list: the ones Lambda functions commonly reach privately). Any other name is
 * answered as EC2 answers an unknown service.
 */
final class EndpointServices {
  static final Set<String> GATEWAY = Set.of("s3", "dynamodb");
  static final Set<String> INTERFACE =
      Set.of(
          "s3",
          "dynamodb",
          "lambda",
          "sts",
          "logs",
          "monitoring",
          "xray",
          "events",
          "states",
          "sqs",
          "sns",
          "kms",
          "secretsmanager",
          "ssm",
          "ssmmessages",
          "ec2",
          "ec2messages",
          "ecr.api",
          "ecr.dkr",
          "ecs",
          "ecs-agent",
          "ecs-telemetry",
          "eks",
          "elasticloadbalancing",
          "autoscaling",
          "application-autoscaling",
          "execute-api",
          "appconfig",
          "appconfigdata",
          "bedrock",
          "bedrock-runtime",
          "bedrock-agent",
          "bedrock-agent-runtime",
          "sagemaker.api",
          "sagemaker.runtime",
          "kinesis-streams",
          "kinesis-firehose",
          "rds",
          "rds-data",
          "elasticache",
          "athena",
          "glue",
          "cloudformation",
          "codebuild",
          "codecommit",
          "git-codecommit",
          "codeartifact.api",
          "codeartifact.repositories",
          "codepipeline",
          "elasticfilesystem",
          "email-smtp",
          "servicecatalog",
          "textract",
          "comprehend",
          "rekognition",
          "translate",
          "polly",
          "transcribe",
          "iot.data",
          "cognito-idp",
          "cognito-identity",
          "acm-pca",
          "ebs",
          "backup",
          "cloudtrail",
          "config",
          "aps-workspaces",
          "es",
          "aoss",
          "redshift-data",
          "scheduler",
          "pipes",
          "appsync-api");

  private EndpointServices() {}

  static boolean exists(String shortName, String type) {
    return type.equals("Gateway") ? GATEWAY.contains(shortName) : INTERFACE.contains(shortName);
  }
}
