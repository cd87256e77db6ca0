package dev.lmi.handler.similarity;

/** One search result: a product and its cosine similarity to the query. */
public record Hit(String productId, String name, float score) {}
