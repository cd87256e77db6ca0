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
            .put("awsConfigFile", stack.awsConfig().toAbsolutePath().toString())
            .put("awsProfile", AwsProfile.PROFILE)
            .put("dynamodbEndpointUrl", stack.dynamoDb().endpoint().toString())
            .put("manifests", config.manifests().toAbsolutePath().toString())
            .put("log", config.log().toAbsolutePath().toString())
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

  /** The first screen: where everything is, and one command for each that works as copied. */
  static String banner(ObjectNode info, LocalConfig config, LocalStack stack) {
    return """
        lmi-operator local mode    log: %s
          Kubernetes API  %s%s
                          kubectl --kubeconfig %s get lmifn -A
          AWS endpoint    %s%s  (Lambda, EC2, STS; region %s)
                          %s lambda list-functions
          DynamoDB Local  %s%s
          info file       %s
        """
        .formatted(
            info.get("log").asText(),
            info.get("kubernetesApiUrl").asText(),
            fallback(stack.ports().kube()),
            info.get("kubeconfig").asText(),
            info.get("awsEndpointUrl").asText(),
            fallback(stack.ports().aws()),
            config.region(),
            AwsProfile.cli(stack.awsConfig()),
            info.get("dynamodbEndpointUrl").asText(),
            fallback(stack.ports().dynamoDb()),
            config.infoOut().toAbsolutePath());
  }

  private static String fallback(Ports.Choice choice) {
    return choice.fellBack() ? "  (" + choice.asked() + " was taken)" : "";
  }
}
