package dev.lmi.operator.validation;

/** One broken rule in one object: where (e.g. {@code spec.vpc.subnetIds[2]}) and what, in words. */
public record Violation(String path, String message) {}
