package dev.lmi.handler.similarity;

import java.util.List;
import java.util.Map;

/** Per-category hits, best first, and where the time went. */
public record SearchResult(
    String query,
    String model,
    Map<String, List<Hit>> results,
    double embedMillis,
    double searchMillis,
    double tookMillis) {}
