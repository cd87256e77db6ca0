package dev.lmi.handler.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lmi.handler.common.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code next_token} codec: URL-safe base64 (padded) of the plain-JSON last evaluated key
 * {@code {"id":"..."}}. Anything else is rejected, so client input never reaches DynamoDB as a
 * malformed key (which would surface as a 500).
 */
public final class PageToken {

  /** Thrown for any token that is not exactly an encoded key. */
  public static final class InvalidTokenException extends Exception {
    InvalidTokenException() {
      super("invalid next_token", null, false, false);
    }
  }

  /** DynamoDB's partition key limit; longer ids would fail inside DynamoDB instead. */
  private static final int MAX_KEY_BYTES = 2048;

  private static final int MAX_TOKEN_CHARS = 4 * MAX_KEY_BYTES;

  private PageToken() {}

  public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
    try {
      var json = Json.MAPPER.writeValueAsString(Map.of("id", lastEvaluatedKey.get("id").s()));
      return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("key not serialisable", e);
    }
  }

  /** The exclusive start key; null for an absent or empty token (first page). */
  public static Map<String, AttributeValue> decode(String token) throws InvalidTokenException {
    if (token == null || token.isEmpty()) {
      return null;
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new InvalidTokenException();
    }
    var id = idOf(utf8(base64(token)));
    if (id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new InvalidTokenException();
    }
    return Map.of("id", AttributeValue.fromS(id));
  }

  private static byte[] base64(String token) throws InvalidTokenException {
    try {
      return Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException();
    }
  }

  private static String utf8(byte[] bytes) throws InvalidTokenException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidTokenException();
    }
  }

  private static String idOf(String json) throws InvalidTokenException {
    try {
      var node = Json.MAPPER.readTree(json);
      if (node == null || !node.isObject() || node.size() != 1 || !node.path("id").isTextual()) {
        throw new InvalidTokenException();
      }
      return node.get("id").textValue();
    } catch (JsonProcessingException e) {
      throw new InvalidTokenException();
    }
  }
}
