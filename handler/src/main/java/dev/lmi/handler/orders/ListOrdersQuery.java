package dev.lmi.handler.orders;

import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The validated query string of {@code GET /api/orders/}. */
public record ListOrdersQuery(int limit, Map<String, AttributeValue> startKey) {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

  /** A client error with the HTTP status and message it maps to. */
  public static final class InvalidQueryException extends Exception {
    private final int status;

    InvalidQueryException(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Validates {@code limit} (422 when wrong) before {@code next_token} (400 when wrong). */
  public static ListOrdersQuery parse(String limit, String nextToken) throws InvalidQueryException {
    var parsedLimit = parseLimit(limit);
    try {
      return new ListOrdersQuery(parsedLimit, PageToken.decode(nextToken));
    } catch (PageToken.InvalidTokenException e) {
      throw new InvalidQueryException(400, "invalid next_token");
    }
  }

  private static int parseLimit(String limit) throws InvalidQueryException {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    var trimmed = limit.trim();
    if (INTEGER.matcher(trimmed).matches()) {
      var value = Integer.parseInt(trimmed);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    }
    throw new InvalidQueryException(
        422, "invalid query parameter 'limit': must be an integer between 1 and " + MAX_LIMIT);
  }
}
