package dev.lmi.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.Faults;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class AdminIT {
  private LmiEmulator emulator;
  private LambdaClient lambda;

  @BeforeEach
  void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
    lambda = Clients.lambda(emulator);
  }

  @AfterEach
  void stop() {
    lambda.close();
    emulator.close();
  }

  @Test
  void countsCallsPerOperationAndOutcome() {
    lambda.listCapacityProviders(b -> {});
    assertThatThrownBy(() -> lambda.getCapacityProvider(b -> b.capacityProviderName("x")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> lambda.deleteCapacityProvider(b -> b.capacityProviderName("x")))
        .isInstanceOf(ResourceNotFoundException.class);

    var counters = emulator.admin().counters();
    assertThat(counters.get("ListCapacityProviders")).containsEntry("ok", 1L);
    assertThat(counters.get("GetCapacityProvider")).containsEntry("ResourceNotFoundException", 1L);
    assertThat(emulator.admin().readCalls()).isEqualTo(2);
    assertThat(emulator.admin().writeCalls()).isEqualTo(1);
    emulator.admin().resetCounters();
    assertThat(emulator.admin().counters()).isEmpty();
  }

  @Test
  void injectsServerErrorsAndThrottlesPerOperation() {
    emulator.admin().setFaults("ListCapacityProviders", Faults.serverErrors(1.0, 7));
    emulator.admin().setFaults("GetFunction", Faults.throttles(1.0, 7));

    assertThatThrownBy(() -> lambda.listCapacityProviders(b -> {}))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("f")))
        .isInstanceOf(TooManyRequestsException.class);
    assertThat(emulator.admin().counters().get("ListCapacityProviders"))
        .containsEntry("ServiceException", 1L);
    emulator.admin().clearFaults();
    assertThat(lambda.listCapacityProviders(b -> {}).capacityProviders()).isEmpty();
  }

  @Test
  void wildcardFaultsReachEc2InItsOwnErrorShape() {
    emulator.admin().setFaults("*", Faults.serverErrors(1.0, 1));

    try (var ec2 = Clients.ec2(emulator.endpoint())) {
      assertThatThrownBy(ec2::describeVpcs)
          .isInstanceOfSatisfying(
              Ec2Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError"));
    }
  }

  @Test
  void sameSeedGivesTheSameSequenceOfOutcomes() {
    assertThat(outcomes(42)).isEqualTo(outcomes(42));
  }

  private String outcomes(long seed) {
    emulator
        .admin()
        .setFaults("ListCapacityProviders", new Faults(0.5, 0, Duration.ZERO, Duration.ZERO, seed));
    var out = new StringBuilder();
    for (var i = 0; i < 20; i++) {
      try {
        lambda.listCapacityProviders(b -> {});
        out.append('.');
      } catch (ServiceException e) {
        out.append('x');
      }
    }
    return out.toString();
  }

  @Test
  void addsLatency() {
    emulator.admin().setFaults("*", Faults.latency(Duration.ofMillis(150), Duration.ZERO, 1));

    var start = System.nanoTime();
    lambda.listCapacityProviders(b -> {});

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void httpAdminExposesTheSameControls() throws Exception {
    var http = HttpClient.newHttpClient();
    var base = emulator.endpoint() + "/_emulator/";
    var faults = "{\"operation\":\"ListCapacityProviders\",\"throttleRate\":1.0,\"seed\":3}";
    var set =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(faults))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(set.statusCode()).isEqualTo(204);

    assertThatThrownBy(() -> lambda.listCapacityProviders(b -> {}))
        .isInstanceOf(TooManyRequestsException.class);
    var counters =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "counters")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(counters.body())
        .contains("\"ListCapacityProviders\":{\"TooManyRequestsException\":1}")
        .contains("\"readCalls\":1");

    http.send(
        HttpRequest.newBuilder(URI.create(base + "faults")).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
    http.send(
        HttpRequest.newBuilder(URI.create(base + "reset-counters"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(lambda.listCapacityProviders(b -> {}).capacityProviders()).isEmpty();
    assertThat(emulator.admin().readCalls()).isEqualTo(1);
  }
}
