package dev.lmi.operator.aws;

import java.util.List;

/** A VPC endpoint to create: gateway (route tables) or interface (subnets, groups, private DNS). */
public record EndpointRequest(
    String vpcId,
    String serviceName,
    boolean gateway,
    List<String> routeTableIds,
    List<String> subnetIds,
    List<String> securityGroupIds,
    String ownerTag) {}
