package dev.lmi.operator;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.CapacityProviderReconciler;
import dev.lmi.operator.reconciler.CapacitySettings;
import dev.lmi.operator.reconciler.EventRecorder;
import dev.lmi.operator.reconciler.FunctionDirectory;
import dev.lmi.operator.reconciler.LmiFunctionReconciler;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.operator.validation.ObjectValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Wiring only: one JOSDK operator with both reconcilers, configured the way every mode runs it
 * (JSON merge patch, never server-side apply, so the tested path is the production path).
 */
public final class OperatorApp implements AutoCloseable, OperatorProbes {
  private final Watchdog watchdog = new Watchdog(Clock.systemUTC(), Watchdog.STUCK_AFTER);
  private final Operator operator;
  private final EventRecorder events;
  private volatile boolean leaseLost;

  /**
   * @param namespaces the namespaces to watch for LmiFunctions; empty means all
   * @param leaderElection null disables leader election
   */
  public OperatorApp(
      KubernetesClient client,
      RegionalGateways aws,
      OperatorSettings settings,
      OperatorMetrics metrics,
      Set<String> namespaces,
      int maxConcurrentReconciles,
      LeaderElection leaderElection) {
    this(
        client,
        aws,
        settings,
        metrics,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        CapacitySettings.defaults());
  }

  /**
   * @param capacity the price table, and the one clock the reconcilers read the time from: status
   *     timestamps, a rollout's pauses and the schedules' firings
   */
  public OperatorApp(
      KubernetesClient client,
      RegionalGateways aws,
      OperatorSettings settings,
      OperatorMetrics metrics,
      Set<String> namespaces,
      int maxConcurrentReconciles,
      LeaderElection leaderElection,
      CapacitySettings capacity) {
    var clock = capacity.clock();
    registerKinds(client.getKubernetesSerialization());
    this.operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(false)
                  .withConcurrentReconciliationThreads(maxConcurrentReconciles)
                  .checkingCRDAndValidateLocalModel(false)
                  // Compare resourceVersions so an older cached copy never replaces the object our
                  // own status write returned: a stale status would repeat AWS writes.
                  .withParseResourceVersions(true)
                  .withReconciliationTerminationTimeout(java.time.Duration.ofSeconds(3))
                  // An informer that cannot list or watch (RBAC, an API server away) retries with
                  // backoff, at start-up too, instead of stopping the operator for every tenant.
                  .withStopOnInformerErrorDuringStartup(false)
                  .withInformerStoppedHandler(Resilience.informerStopped(watchdog))
                  .withMetrics(watchdog)
                  .withResourceCloner(Resilience.cloner(client.getKubernetesSerialization()));
              if (leaderElection != null) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        leaderElection.leaseName(),
                        leaderElection.namespace(),
                        leaderElection.leaseDuration(),
                        leaderElection.renewDeadline(),
                        leaderElection.retryPeriod(),
                        identity(),
                        new LeaderCallbacks(() -> {}, () -> leaseLost = true, leader -> {}),
                        leaderElection.exitOnLoss()));
              }
            });
    this.events = new EventRecorder(client, settings.eventNamespace(), clock, metrics);
    var validator = new ObjectValidator();
    warmUp(validator);
    // Build the default region's SDK clients now, not in the first reconcile.
    aws.forRegion(aws.defaultRegion());
    var retry =
        new GenericRetry()
            .setInitialInterval(1000)
            .setIntervalMultiplier(2)
            .setMaxInterval(300_000)
            .setMaxAttempts(Integer.MAX_VALUE);
    var functions = new FunctionDirectory();
    operator.register(
        new CapacityProviderReconciler(
            aws, events, settings, metrics, validator, clock, functions, capacity),
        c -> c.withReconciliationMaxInterval(settings.resync()).withRetry(retry));
    operator.register(
        new LmiFunctionReconciler(
            aws, events, settings, metrics, validator, clock, functions, capacity),
        c -> {
          c.withReconciliationMaxInterval(settings.resync()).withRetry(retry);
          if (!namespaces.isEmpty()) {
            c.settingNamespaces(namespaces);
          }
        });
  }

  /**
   * Watch events carry their object as any KubernetesResource: a kind the client's serialization
   * does not know is read into a generic map, then converted to the informer's class a second time.
   */
  static void registerKinds(KubernetesSerialization serialization) {
    serialization.registerKubernetesResource(CapacityProvider.class);
    serialization.registerKubernetesResource(LmiFunction.class);
  }

  private static String identity() {
    var host = System.getenv("HOSTNAME");
    return (host == null ? "lmi-operator" : host)
        + "-"
        + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Compiles the CRDs' CEL rules now rather than in the first reconcile, which would otherwise hold
   * the first capacity provider back by seconds on a cold JVM.
   */
  private static void warmUp(ObjectValidator validator) {
    var json = io.fabric8.kubernetes.client.utils.Serialization.jsonMapper();
    for (var kind : new String[] {"CapacityProvider", "LmiFunction"}) {
      var object =
          json.createObjectNode()
              .put("apiVersion", dev.lmi.operator.api.Api.API_VERSION)
              .put("kind", kind);
      object.putObject("metadata").put("name", "warm-up").put("namespace", "default");
      object.putObject("spec");
      validator.validate(object);
    }
  }

  /**
   * Ready once started, with every informer connected and synced, while this replica holds the
   * lease or waits for it: a follower is ready (it must not be restarted for being one); one that
   * lost the lease is not.
   */
  @Override
  public boolean ready() {
    var info = operator.getRuntimeInfo();
    return info.isStarted() && info.allEventSourcesAreHealthy() && !leaseLost;
  }

  @Override
  public Optional<String> wedged() {
    if (operator.getRuntimeInfo().isStarted()
        && operator
            .getConfigurationService()
            .getExecutorServiceManager()
            .reconcileExecutorService()
            .isShutdown()) {
      return Optional.of("the reconcile executor has shut down");
    }
    return watchdog.wedged();
  }

  public void start() {
    operator.start();
  }

  @Override
  public void close() {
    operator.stop();
    events.close();
  }
}
