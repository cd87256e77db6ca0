package dev.lmi.operator.aws;

import java.util.List;

/** The create-only settings of a capacity provider: AWS cannot change them in place. */
public record ProviderFixed(
    List<String> subnetIds,
    List<String> securityGroupIds,
    String operatorRoleArn,
    String architecture,
    List<String> allowedInstanceTypes,
    List<String> excludedInstanceTypes,
    String kmsKeyArn) {}
