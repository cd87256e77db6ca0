package dev.lmi.handler.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A validated search request; {@link #parse} names exactly what is wrong. */
public record SearchRequest(String query, int topK, List<String> categories) {

  static final int MAX_QUERY_CHARS = 2_000;
  static final int MAX_TOP_K = 50;
  static final int DEFAULT_TOP_K = 5;

  /** Invalid input: the message is returned to the client with a 400. */
  public static final class InvalidRequestException extends Exception {
    public InvalidRequestException(String message) {
      super(message, null, false, false);
    }
  }

  public static SearchRequest parse(JsonNode body, List<String> known)
      throws InvalidRequestException {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("request body must be a JSON object");
    }
    return new SearchRequest(
        query(body.get("query")),
        topK(body.get("top_k")),
        categories(body.get("categories"), known));
  }

  private static String query(JsonNode node) throws InvalidRequestException {
    if (node == null || node.isNull()) {
      throw new InvalidRequestException("query is required");
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException("query must be a string");
    }
    var query = node.textValue();
    if (query.isBlank()) {
      throw new InvalidRequestException("query must not be blank");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "query must be at most " + MAX_QUERY_CHARS + " characters, got " + query.length());
    }
    return query;
  }

  private static int topK(JsonNode node) throws InvalidRequestException {
    if (node == null || node.isNull()) {
      return DEFAULT_TOP_K;
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.intValue() < 1
        || node.intValue() > MAX_TOP_K) {
      throw new InvalidRequestException(
          "top_k must be an integer between 1 and " + MAX_TOP_K + ", got " + node);
    }
    return node.intValue();
  }

  private static List<String> categories(JsonNode node, List<String> known)
      throws InvalidRequestException {
    if (node == null || node.isNull()) {
      return known;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new InvalidRequestException("categories must be a non-empty list of category names");
    }
    var chosen = new LinkedHashSet<String>();
    for (var element : node) {
      if (!element.isTextual()) {
        throw new InvalidRequestException("categories must contain only strings, got " + element);
      }
      if (!known.contains(element.textValue())) {
        throw new InvalidRequestException(
            "unknown category '"
                + element.textValue()
                + "'; valid categories: "
                + String.join(", ", known));
      }
      chosen.add(element.textValue());
    }
    return new ArrayList<>(chosen);
  }
}
