package dev.lmi.operator.reconciler.plan;

import java.util.List;

/**
 * The network a capacity provider would use, as EC2 describes it.
 *
 * @param problems reasons the network cannot work (terminal)
 * @param missingServices private services with neither an endpoint nor a NAT route
 */
public record NetworkPlan(
    String vpcId,
    List<String> subnetIds,
    List<String> securityGroupIds,
    List<String> availabilityZones,
    List<String> routeTableIds,
    List<String> problems,
    List<String> missingServices) {}
