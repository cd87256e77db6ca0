package dev.lmi.operator.helm;

import static dev.lmi.operator.testing.Awaits.function;
import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.provider;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.LeaderElection;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the operator (with leader election) through a whole lifecycle against the mock API server,
 * records every request its own client makes, and checks that the chart's ClusterRole and Role
 * grant exactly those (group, resource, verb) triples: nothing missing, nothing extra.
 */
class RbacMatchesOperatorCallsIT {
  private static final String USER_AGENT = "lmi-operator-under-rbac-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Allowed to every authenticated user by the default system:basic-user ClusterRole, so the chart
   * need not grant it. JOSDK asks it before leader election to check the lease rights.
   */
  private static final Set<String> GRANTED_BY_DEFAULT =
      Set.of("authorization.k8s.io selfsubjectrulesreviews create");

  /**
   * Granted although this run does not call them, each for a reason outside the happy path.
   * Everything else the chart grants must show up in the recording.
   */
  private static final Map<String, String> GRANTED_WITHOUT_A_CALL =
      Map.of(
          "lmi.dev capacityproviders get",
          "JOSDK re-reads a primary with GET only when a finalizer or status patch conflicts (409),"
              + " a race some runs of this test hit and others do not",
          "lmi.dev lmifunctions get",
          "the same conflict re-read, for LmiFunctions",
          "coordination.k8s.io leases update",
          "JOSDK's pre-election SelfSubjectRulesReview check demands get, create and update on"
              + " leases although fabric8 renews the lease with patch");

  private final ConcurrentLinkedQueue<ApiCall> calls = new ConcurrentLinkedQueue<>();
  private Chart.Rendered chart;

  @ParameterizedTest(name = "watching {0}")
  @ValueSource(strings = {"", "orders"})
  void chartGrantsExactlyWhatTheOperatorCalls(String watched) {
    var namespaces = watched.isEmpty() ? Set.<String>of() : Set.of(watched.split(","));
    chart =
        Chart.render(
            "leaderElection: {enabled: true}\noperator:\n  namespaces: ["
                + String.join(", ", namespaces)
                + "]\n");
    try (var h = new OperatorHarness(Timings.fast(), this::recording)) {
      h.withSettings(
          new OperatorSettings(
              Duration.ofSeconds(30), Duration.ofMillis(200), "default", Chart.NAMESPACE));
      var config =
          new ConfigBuilder(h.client().getConfiguration()).withUserAgent(USER_AGENT).build();
      try (var operatorClient = new KubernetesClientBuilder().withConfig(config).build();
          var operator =
              h.operatorStack(operatorClient)
                  .namespaces(namespaces)
                  .leaderElection(electionOnTheChartsLease())
                  .build()) {
        operator.start();
        exerciseLifecycle(h);
      }
    }
    var grants = grants();
    var recorded = new TreeSet<String>();
    var missing = new TreeSet<String>();
    for (var c : calls) {
      recorded.add(scope(c.namespace()) + " " + c.triple());
      if (!GRANTED_BY_DEFAULT.contains(c.triple()) && !granted(grants, c)) {
        missing.add(scope(c.namespace()) + " " + c.triple());
      }
    }
    assertThat(missing)
        .as("recorded calls the chart does not grant (recorded: %s)", recorded)
        .isEmpty();
    var extra = new TreeSet<String>();
    for (var g : grants) {
      var used =
          calls.stream()
              .anyMatch(
                  c ->
                      c.triple().equals(g.triple())
                          && (g.namespace() == null || g.namespace().equals(c.namespace())));
      if (!used && !GRANTED_WITHOUT_A_CALL.containsKey(g.triple())) {
        extra.add(scope(g.namespace()) + " " + g.triple());
      }
    }
    assertThat(extra).as("granted but never called (recorded: %s)", recorded).isEmpty();
    for (var c : calls) {
      if (c.resource().equals("leases") && !c.verb().equals("create")) {
        assertThat(resourceNames())
            .as("%s on a lease the Role does not name", c)
            .contains(c.name());
      }
    }
  }

  /** The harness's fast election timings on the lease the chart tells the operator to use. */
  private LeaderElection electionOnTheChartsLease() {
    var fast = OperatorHarness.fastElection(Chart.NAMESPACE);
    return new LeaderElection(
        chart.env().get("LMI_LEASE_NAME"),
        fast.namespace(),
        fast.leaseDuration(),
        fast.renewDeadline(),
        fast.retryPeriod(),
        fast.exitOnLoss());
  }

  /** One grant: a triple, cluster-wide (namespace null) or in one namespace. */
  private record Grant(String namespace, String triple) {}

  private List<Grant> grants() {
    var out = new ArrayList<Grant>();
    for (var role : chart.ofKind("ClusterRole")) {
      triples(role).forEach(t -> out.add(new Grant(null, t)));
    }
    for (var role : chart.ofKind("Role")) {
      var ns = role.path("metadata").path("namespace").asText();
      triples(role).forEach(t -> out.add(new Grant(ns, t)));
    }
    // Every Role must be bound: a RoleBinding of the same name in the same namespace.
    for (var role : chart.ofKind("Role")) {
      assertThat(chart.ofKind("RoleBinding"))
          .anyMatch(
              b ->
                  b.path("roleRef")
                          .path("name")
                          .asText()
                          .equals(role.path("metadata").path("name").asText())
                      && b.path("metadata")
                          .path("namespace")
                          .equals(role.path("metadata").path("namespace")));
    }
    return out;
  }

  private static boolean granted(List<Grant> grants, ApiCall c) {
    return grants.stream()
        .anyMatch(
            g ->
                g.triple().equals(c.triple())
                    && (g.namespace() == null || g.namespace().equals(c.namespace())));
  }

  private static String scope(String namespace) {
    return namespace == null ? "[cluster]" : "[" + namespace + "]";
  }

  private void exerciseLifecycle(OperatorHarness h) {
    var c = h.client();
    c.resource(Resources.provider("orders-pool", "orders")).create();
    c.resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    providerReason(c, "orders-pool", "Ready");
    functionReason(c, "orders", "list-orders", "Ready");

    var cp = provider(c, "orders-pool");
    cp.getSpec().getScaling().setMaxVCpuCount(128);
    c.resource(cp).update();
    var fn = function(c, "orders", "list-orders");
    fn.getSpec().setEnvironment(Map.of("TABLE_NAME", "orders-v2"));
    c.resource(fn).update();
    await()
        .atMost(Awaits.TIMEOUT)
        .until(() -> provider(c, "orders-pool").getStatus().getObservedGeneration() == 2L);
    functionReason(c, "orders", "list-orders", "Ready");

    c.resources(LmiFunction.class).inNamespace("orders").withName("list-orders").delete();
    c.resources(CapacityProvider.class).withName("orders-pool").delete();
    await().atMost(Awaits.TIMEOUT).until(() -> function(c, "orders", "list-orders") == null);
    await().atMost(Awaits.TIMEOUT).until(() -> provider(c, "orders-pool") == null);
  }

  /** Wraps the CRUD dispatcher: records the operator's requests, answers rules reviews. */
  private Dispatcher recording(Dispatcher crud) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        var path = request.getPath();
        var fromOperator = USER_AGENT.equals(request.getHeader("User-Agent"));
        if (fromOperator && (path.startsWith("/api/") || path.startsWith("/apis/"))) {
          calls.add(ApiCall.of(request.getMethod(), path));
        }
        if ("POST".equals(request.getMethod())
            && path.startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
          return new MockResponse()
              .setResponseCode(201)
              .addHeader("Content-Type", "application/json")
              .setBody(rulesReview());
        }
        return crud.dispatch(request);
      }

      @Override
      public void shutdown() {
        crud.shutdown();
      }
    };
  }

  /** What a real API server would answer for the chart's Role in the release namespace. */
  private String rulesReview() {
    var review = JSON.createObjectNode();
    review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectRulesReview");
    var status = (ObjectNode) review.putObject("status");
    var rules = status.putArray("resourceRules");
    for (var role : chart.ofKind("Role")) {
      if (role.path("metadata").path("namespace").asText().equals(Chart.NAMESPACE)) {
        role.path("rules").forEach(rules::add);
      }
    }
    chart.one("ClusterRole").path("rules").forEach(rules::add);
    status.putArray("nonResourceRules");
    status.put("incomplete", false);
    return review.toString();
  }

  private static Set<String> triples(JsonNode roleObject) {
    var out = new TreeSet<String>();
    for (var rule : roleObject.path("rules")) {
      for (var g : rule.path("apiGroups")) {
        for (var r : rule.path("resources")) {
          for (var v : rule.path("verbs")) {
            out.add(new ApiCall(g.asText(), r.asText(), v.asText(), null, null).triple());
          }
        }
      }
    }
    return out;
  }

  private List<String> resourceNames() {
    var out = new ArrayList<String>();
    for (var role : chart.ofKind("Role")) {
      role.path("rules").forEach(r -> r.path("resourceNames").forEach(n -> out.add(n.asText())));
    }
    return out;
  }
}
