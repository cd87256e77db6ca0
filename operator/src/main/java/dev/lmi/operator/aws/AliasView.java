package dev.lmi.operator.aws;

import java.util.Map;

/** An alias and the version(s) it routes to. */
public record AliasView(
    String name, String arn, String version, Map<String, Double> additionalVersionWeights) {}
