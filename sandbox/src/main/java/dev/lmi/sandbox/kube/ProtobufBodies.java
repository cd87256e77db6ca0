package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The protobuf bodies of kubectl's typed create commands ({@code kubectl create namespace}, {@code
 * create configmap}, {@code create secret generic}), read into the JSON the mock stores: the mock
 * itself cannot read protobuf. Other kinds are not read (the caller answers 415).
 */
final class ProtobufBodies {
  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ProtobufBodies() {}

  static Optional<ObjectNode> toJson(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(body, 0, 4, MAGIC, 0, 4)) {
      return Optional.empty();
    }
    try {
      var typeMeta = new String[] {"", ""};
      var raw = new ProtobufReader.Field[1];
      new ProtobufReader(body, 4, body.length)
          .forEach(
              f -> {
                if (f.number() == 1) {
                  f.value().forEach(t -> typeMeta[t.number() - 1] = t.text());
                } else if (f.number() == 2) {
                  raw[0] = f;
                }
              });
      if (raw[0] == null) {
        return Optional.empty();
      }
      var object = F.objectNode().put("apiVersion", typeMeta[0]).put("kind", typeMeta[1]);
      return read(typeMeta[0] + "/" + typeMeta[1], raw[0].value(), object);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static Optional<ObjectNode> read(String type, ProtobufReader raw, ObjectNode object) {
    BiConsumer<ProtobufReader.Field, ObjectNode> fields =
        switch (type) {
          case "v1/Namespace" -> (f, o) -> {};
          case "v1/ConfigMap" -> ProtobufBodies::configMapField;
          case "v1/Secret" -> ProtobufBodies::secretField;
          default -> null;
        };
    if (fields == null) {
      return Optional.empty();
    }
    raw.forEach(
        f -> {
          if (f.number() == 1) {
            metadata(f.value(), object.putObject("metadata"));
          } else {
            fields.accept(f, object);
          }
        });
    return Optional.of(object);
  }

  private static void configMapField(ProtobufReader.Field f, ObjectNode configMap) {
    if (f.number() == 2) {
      f.value().entry((k, v) -> configMap.withObject("/data").put(k, v.text()));
    } else if (f.number() == 3) {
      f.value().entry((k, v) -> configMap.withObject("/binaryData").put(k, base64(v)));
    }
  }

  private static void secretField(ProtobufReader.Field f, ObjectNode secret) {
    switch (f.number()) {
      case 2 -> f.value().entry((k, v) -> secret.withObject("/data").put(k, base64(v)));
      case 3 -> secret.put("type", f.text());
      case 4 -> f.value().entry((k, v) -> secret.withObject("/stringData").put(k, v.text()));
      default -> {
        // immutable and fields a create does not set.
      }
    }
  }

  private static void metadata(ProtobufReader meta, ObjectNode metadata) {
    meta.forEach(
        f -> {
          switch (f.number()) {
            case 1 -> putText(metadata, "name", f.text());
            case 2 -> putText(metadata, "generateName", f.text());
            case 3 -> putText(metadata, "namespace", f.text());
            case 11 -> f.value().entry((k, v) -> metadata.withObject("/labels").put(k, v.text()));
            case 12 ->
                f.value().entry((k, v) -> metadata.withObject("/annotations").put(k, v.text()));
            case 14 -> metadata.withArray("/finalizers").add(f.text());
            default -> {
              // Server-set fields (uid, times, versions) mean nothing in a create.
            }
          }
        });
  }

  private static void putText(ObjectNode object, String field, String value) {
    if (!value.isEmpty()) {
      object.put(field, value);
    }
  }

  private static String base64(ProtobufReader.Field value) {
    return Base64.getEncoder().encodeToString(value.bytes());
  }
}
