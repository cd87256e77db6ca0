package dev.lmi.operator.aws;

/** A capacity provider as AWS reports it. */
public record ProviderView(
    String arn, String state, ProviderFixed fixed, ProviderTunables tunables) {}
