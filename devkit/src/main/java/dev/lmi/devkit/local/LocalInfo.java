package dev.lmi.devkit.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The JSON file that tells other tools (kubectl, the AWS CLI) where the local servers are. */
final class LocalInfo {
  private static final ObjectMapper M =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LocalInfo() {}

  static ObjectNode write(LocalConfig config, LocalStack stack) {
    var info =
        M.createObjectNode()
            .put("kubernetesApiUrl", stack.kube().url().toString())
            .put("kubeconfig", stack.kubeconfig().toAbsolutePath().toString())
            .put("awsEndpointUrl", stack.emulator().endpoint().toString())
            .put("awsRegion", config.region())
            .put("dynamodbEndpointUrl", stack.dynamoDb().endpoint().toString())
            .put("manifests", config.manifests().toAbsolutePath().toString())
            .put("workDir", config.workDir().toAbsolutePath().toString())
            .put("pid", ProcessHandle.current().pid());
    try {
      var file = config.infoOut().toAbsolutePath();
      Files.createDirectories(file.getParent());
      Files.writeString(file, M.writeValueAsString(info) + "\n");
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config.infoOut(), e);
    }
  }

  static String banner(ObjectNode info, LocalConfig config) {
    return """
        lmi-operator local mode
          Kubernetes API  %s
                          kubectl --kubeconfig %s get lmifn -A
          AWS endpoint    %s  (Lambda, EC2, STS; region %s, any credentials)
                          aws --endpoint-url %s lambda list-functions
          DynamoDB Local  %s
          info file       %s
        """
        .formatted(
            info.get("kubernetesApiUrl").asText(),
            info.get("kubeconfig").asText(),
            info.get("awsEndpointUrl").asText(),
            config.region(),
            info.get("awsEndpointUrl").asText(),
            info.get("dynamodbEndpointUrl").asText(),
            config.infoOut().toAbsolutePath());
  }
}
