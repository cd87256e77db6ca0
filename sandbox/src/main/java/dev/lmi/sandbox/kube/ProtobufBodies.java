package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

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
    var secret = "v1/Secret".equals(type);
    if (!secret && !"v1/ConfigMap".equals(type) && !"v1/Namespace".equals(type)) {
      return Optional.empty();
    }
    var namespace = "v1/Namespace".equals(type);
    raw.forEach(
        f -> {
          switch (f.number()) {
            case 1 -> metadata(f.value(), object.putObject("metadata"));
            case 2 -> {
              if (!namespace) {
                f.value()
                    .entry(
                        (k, v) -> object.withObject("/data").put(k, secret ? base64(v) : v.text()));
              }
            }
            case 3 -> {
              if (secret) {
                object.put("type", f.text());
              } else if (!namespace) {
                f.value().entry((k, v) -> object.withObject("/binaryData").put(k, base64(v)));
              }
            }
            case 4 -> {
              if (secret) {
                f.value().entry((k, v) -> object.withObject("/stringData").put(k, v.text()));
              }
            }
            default -> {
              // Status and other fields a create does not set.
            }
          }
        });
    return Optional.of(object);
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
