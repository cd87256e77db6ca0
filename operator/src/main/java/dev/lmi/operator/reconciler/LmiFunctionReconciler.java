package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.DeletionPolicy;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.aws.AwsRetryableException;
import dev.lmi.operator.aws.AwsTerminalException;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.IgnoredFields;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.validation.ObjectValidator;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Converges an LmiFunction: gate on its provider, then $LATEST, publish, alias, scaling. */
@ControllerConfiguration(name = "lmifunction")
public class LmiFunctionReconciler implements Reconciler<LmiFunction>, Cleaner<LmiFunction> {
  static final String PROVIDER_INDEX = "capacityProviderRef";
  private final RegionalGateways aws;
  private final FunctionSteps steps;
  private final SpecCheck specCheck;
  private final FunctionCleanup cleanup;
  private final FunctionClaims claims;
  private final EventRecorder events;
  private final OperatorSettings settings;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final StatusStore<LmiFunctionStatus> statuses;
  private final FunctionDirectory directory;

  public LmiFunctionReconciler(
      RegionalGateways aws,
      EventRecorder events,
      OperatorSettings settings,
      OperatorMetrics metrics,
      ObjectValidator validator,
      Clock clock,
      FunctionDirectory directory) {
    this.aws = aws;
    this.directory = directory;
    this.specCheck = new SpecCheck(validator);
    this.claims = new FunctionClaims(events, settings);
    this.steps = new FunctionSteps(events, settings, claims);
    this.cleanup = new FunctionCleanup(events, settings, claims);
    this.events = events;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.statuses = new StatusStore<>(LmiFunctionStatus.class, clock);
  }

  @Override
  public List<EventSource<?, LmiFunction>> prepareEventSources(
      EventSourceContext<LmiFunction> context) {
    context.getPrimaryCache().addIndexer(PROVIDER_INDEX, fn -> List.of(providerName(fn)));
    directory.attach(context.getPrimaryCache());
    var config =
        InformerEventSourceConfiguration.from(CapacityProvider.class, LmiFunction.class)
            .withSecondaryToPrimaryMapper(
                (CapacityProvider cp) ->
                    context
                        .getPrimaryCache()
                        .byIndex(PROVIDER_INDEX, cp.getMetadata().getName())
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper(
                (LmiFunction fn) -> Set.of(new ResourceID(providerName(fn))))
            .withWatchAllNamespaces()
            .withOnUpdateFilter(LmiFunctionReconciler::concernsFunctions)
            .build();
    return List.of(new InformerEventSource<>(config, context));
  }

  @Override
  public UpdateControl<LmiFunction> reconcile(LmiFunction fn, Context<LmiFunction> context) {
    var start = System.nanoTime();
    var status = statuses.current(fn);
    var provider = context.getSecondaryResource(CapacityProvider.class).orElse(null);
    Outcome outcome;
    try {
      outcome = specCheck.check(fn);
      if (outcome == null) {
        outcome = ProviderGate.check(fn, provider, settings);
      }
      if (outcome == null) {
        var gw = aws.forRegion(provider.getStatus().getRegion());
        var owner = FunctionDesired.owner(settings.clusterName(), fn);
        var desired = FunctionDesired.of(fn, provider.getStatus().getArn(), owner);
        outcome = steps.converge(fn, status, gw, desired);
      }
    } catch (AwsTerminalException e) {
      outcome = rejected(fn, e);
    }
    metrics.reconcile("LmiFunction", outcome.reason().kind().name(), System.nanoTime() - start);
    status.setConditions(
        IgnoredFields.apply(status.getConditions(), ReadIssues.of(fn), generation(fn), clock));
    if (outcome.reason().terminal()
        && !outcome.reason().name().equals(Conditions.readyReason(status.getConditions()))) {
      events.warning(fn, outcome.reason().name(), outcome.message());
    }
    return statuses.finish(context.getClient(), fn, status, outcome);
  }

  @Override
  public DeleteControl cleanup(LmiFunction fn, Context<LmiFunction> context) {
    var provider = context.getSecondaryResource(CapacityProvider.class).orElse(null);
    var region =
        provider == null || provider.getStatus() == null ? null : provider.getStatus().getRegion();
    if (retained(fn)) {
      cleanup.retain(fn, aws.forRegion(region));
      forget(fn);
      return DeleteControl.defaultDelete();
    }
    var outcome = cleanup.delete(fn, aws.forRegion(region));
    if (outcome == null) {
      forget(fn);
      return DeleteControl.defaultDelete();
    }
    var status = statuses.current(fn);
    status.setConditions(Conditions.ready(status.getConditions(), outcome, generation(fn), clock));
    statuses.write(context.getClient(), fn, status);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(outcome.requeue());
  }

  @Override
  public ErrorStatusUpdateControl<LmiFunction> updateErrorStatus(
      LmiFunction fn, Context<LmiFunction> context, Exception e) {
    events.warning(fn, "Retrying", String.valueOf(e.getMessage()));
    var status = statuses.current(fn);
    var message =
        e instanceof AwsRetryableException ? e.getMessage() : String.valueOf(e.getMessage());
    status.setConditions(
        Conditions.ready(
            status.getConditions(),
            Outcome.waiting(Reason.Retrying, message, null),
            generation(fn),
            clock));
    statuses.write(context.getClient(), fn, status);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /**
   * deletionPolicy Retain, or a policy this version cannot read: an object whose wish cannot be
   * read keeps its function rather than lose it (its deletion is never blocked either way).
   */
  private static boolean retained(LmiFunction fn) {
    return fn.getSpec() == null
        || fn.getSpec().getDeletionPolicy() == DeletionPolicy.RETAIN
        || ReadIssues.of(fn).unreadable("spec.deletionPolicy");
  }

  private static long generation(LmiFunction fn) {
    var g = fn.getMetadata().getGeneration();
    return g == null ? 0L : g;
  }

  private void forget(LmiFunction fn) {
    statuses.forget(fn.getMetadata().getUid());
    claims.forget(fn.getMetadata().getUid());
  }

  private Outcome rejected(LmiFunction fn, AwsTerminalException e) {
    var reason =
        e.kind() == dev.lmi.operator.aws.ErrorKind.QUOTA
            ? Reason.QuotaExceeded
            : Reason.AwsRejected;
    return Outcome.terminal(reason, e.getMessage());
  }

  /**
   * Whether a provider update matters to its functions: its spec (generation), deletion, ARN,
   * region or Ready reason. A provider's own bookkeeping (e.g. the attached-versions count) must
   * not wake every function.
   */
  static boolean concernsFunctions(CapacityProvider now, CapacityProvider before) {
    return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
        || !Objects.equals(
            now.getMetadata().getDeletionTimestamp(), before.getMetadata().getDeletionTimestamp())
        || !Objects.equals(arn(now), arn(before))
        || !Objects.equals(region(now), region(before))
        || !Objects.equals(
            ProviderGate.appliedArchitecture(now), ProviderGate.appliedArchitecture(before))
        || !Objects.equals(readyReason(now), readyReason(before));
  }

  private static String arn(CapacityProvider cp) {
    return cp.getStatus() == null ? null : cp.getStatus().getArn();
  }

  private static String region(CapacityProvider cp) {
    return cp.getStatus() == null ? null : cp.getStatus().getRegion();
  }

  private static String readyReason(CapacityProvider cp) {
    return cp.getStatus() == null ? null : Conditions.readyReason(cp.getStatus().getConditions());
  }

  static String providerName(LmiFunction fn) {
    var spec = fn.getSpec();
    return spec == null || spec.getCapacityProviderRef() == null
        ? ""
        : spec.getCapacityProviderRef().getName();
  }
}
