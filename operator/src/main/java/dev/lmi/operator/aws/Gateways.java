package dev.lmi.operator.aws;

/** The gateways of one AWS region. */
public record Gateways(
    CapacityProviderGateway providers,
    FunctionGateway functions,
    AliasGateway aliases,
    NetworkGateway network) {}
