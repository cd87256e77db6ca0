package dev.lmi.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shapes of the emulated operations, as the AWS service models define them: generated from
 * botocore by {@code emulator/tools/gen-shapes.py} into a resource, loaded once.
 */
public final class AwsModel {
  private static final String RESOURCE = "/dev/lmi/emulator/model/aws-shapes.json";
  private static final AwsModel INSTANCE = load();
  private final JsonNode root;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private AwsModel(JsonNode root) {
    this.root = root;
  }

  public static AwsModel get() {
    return INSTANCE;
  }

  private static AwsModel load() {
    try (var in = AwsModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new AwsModel(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The botocore release the resource was generated from. */
  public String botocoreVersion() {
    return root.path("botocoreVersion").asText();
  }

  /** An operation's entry: method, uri, input and output shape names. */
  public JsonNode operation(String service, String operation) {
    return root.path("services").path(service).path("operations").path(operation);
  }

  /** Every emulated operation of a service, by name. */
  public JsonNode operations(String service) {
    return root.path("services").path(service).path("operations");
  }

  /** A service-wide setting of the model (e.g. targetPrefix, xmlNamespace). */
  public String metadata(String service, String key) {
    return root.path("services").path(service).path(key).asText(null);
  }

  /** A shape by name; a missing node when the service has no such shape. */
  public JsonNode shape(String service, String name) {
    return root.path("services").path(service).path("shapes").path(name);
  }

  /** Every shape of a service, for checks that walk them all. */
  public JsonNode shapes(String service) {
    return root.path("services").path(service).path("shapes");
  }

  /** The model's pattern, compiled once; AWS matches it against the whole value. */
  public Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, Pattern::compile);
  }

  /** The member name as AWS writes it in validation messages (lower camel case). */
  public static String camel(String member) {
    return member.isEmpty()
        ? member
        : Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }
}
