package dev.lmi.handler.similarity;

/** A catalog product with its raw (not yet normalised) embedding. */
public record Product(String productId, String name, String category, float[] embedding) {}
