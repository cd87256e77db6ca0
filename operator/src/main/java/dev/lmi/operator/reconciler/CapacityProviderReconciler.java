package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.api.DeletionPolicy;
import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.aws.AwsTerminalException;
import dev.lmi.operator.aws.ErrorKind;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.preview.Previews;
import dev.lmi.operator.preview.ReadOnlyGateways;
import dev.lmi.operator.reconciler.apply.ProviderRun;
import dev.lmi.operator.reconciler.apply.VerifiedOwners;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.StatusRecords;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.IgnoredFields;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.status.ZoneSpread;
import dev.lmi.operator.validation.ObjectValidator;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource;
import java.time.Clock;
import java.util.List;

/** Converges a CapacityProvider: validate, then observe, plan and apply; delete when it goes. */
@ControllerConfiguration(
    name = "capacityprovider",
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = WakeFilter.class))
public class CapacityProviderReconciler
    implements Reconciler<CapacityProvider>, Cleaner<CapacityProvider> {
  private final RegionalGateways aws;
  private final ProviderRun run;
  private final ProviderCleanup cleanup;
  private final VerifiedOwners owners = new VerifiedOwners();
  private final EventRecorder events;
  private final DryRuns dryRuns;
  private final SpecCheck specCheck;
  private final OperatorSettings settings;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final StatusWriter<CapacityProviderStatus> statuses;
  private final ProviderAccounts accounts;
  private final FunctionDirectory functions;

  public CapacityProviderReconciler(
      RegionalGateways aws,
      EventRecorder events,
      OperatorSettings settings,
      OperatorMetrics metrics,
      ObjectValidator validator,
      Clock clock,
      FunctionDirectory functions,
      CapacitySettings capacity) {
    this.accounts = new ProviderAccounts(capacity, functions, clock);
    this.functions = functions;
    this.aws = aws;
    this.run = new ProviderRun(events, owners, settings.pace());
    this.cleanup = new ProviderCleanup(events, settings.pace(), functions);
    this.events = events;
    this.dryRuns = new DryRuns(events);
    this.specCheck = new SpecCheck(validator);
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.statuses =
        new StatusWriter<>(CapacityProviderStatus.class, "CapacityProvider", clock, metrics);
  }

  /** A timer the functions set off when their capacity changes, so the sums stay current. */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<EventSource<?, CapacityProvider>> prepareEventSources(
      EventSourceContext<CapacityProvider> context) {
    var timer = new TimerEventSource<CapacityProvider>("capacity-changes", false);
    functions.nudges(timer);
    return List.of((EventSource) timer);
  }

  @Override
  public UpdateControl<CapacityProvider> reconcile(
      CapacityProvider cp, Context<CapacityProvider> context) {
    var start = System.nanoTime();
    var status = statuses.current(cp);
    Outcome outcome;
    try {
      outcome = converge(cp, status);
    } catch (AwsTerminalException e) {
      var reason = e.kind() == ErrorKind.QUOTA ? Reason.QuotaExceeded : Reason.AwsRejected;
      outcome = Outcome.terminal(reason, e.getMessage());
    }
    if (outcome.reason().terminal()
        && !outcome.reason().name().equals(Conditions.readyReason(status.getConditions()))) {
      events.warning(cp, outcome.reason().name(), outcome.message());
    }
    metrics.reconcile(
        "CapacityProvider", outcome.reason().kind().name(), System.nanoTime() - start);
    status.setConditions(
        IgnoredFields.apply(status.getConditions(), ReadIssues.of(cp), generation(cp), clock));
    status.setConditions(
        ZoneSpread.apply(
            status.getConditions(), status.getAvailabilityZones(), generation(cp), clock));
    return statuses.finish(context.getClient(), cp, status, outcome);
  }

  /** The spec, then the plan: carried out, or only recorded on a dry run. */
  private Outcome converge(CapacityProvider cp, CapacityProviderStatus status) {
    var invalid = specCheck.check(cp);
    if (invalid != null) {
      status.setPlan(null);
      return invalid;
    }
    var region = region(cp);
    var gw = aws.forRegion(region);
    var owner = Owner.of(settings.clusterName(), cp);
    if (DryRuns.requested(cp)) {
      var plan = Previews.provider(cp, owner, region, ReadOnlyGateways.of(gw), settings.pace());
      var outcome = dryRuns.record(cp, plan, status.getPlan(), settings.resync());
      status.setPlan(plan);
      return outcome;
    }
    status.setPlan(null);
    var result = run.converge(cp, gw, owner, region, StatusRecords.provider(status));
    StatusRecords.write(result.record(), status);
    accounts.account(cp, status);
    functions.retotalled(cp.getMetadata().getName());
    return result.outcome();
  }

  @Override
  public DeleteControl cleanup(CapacityProvider cp, Context<CapacityProvider> context) {
    var region = region(cp);
    var gw = aws.forRegion(region);
    var owner = Owner.of(settings.clusterName(), cp);
    // A policy this version cannot read keeps the provider rather than lose it.
    if (cp.getSpec() == null
        || cp.getSpec().getDeletionPolicy() == DeletionPolicy.RETAIN
        || ReadIssues.of(cp).unreadable("spec.deletionPolicy")) {
      cleanup.retain(cp, owner, gw, region);
      forget(cp);
      return DeleteControl.defaultDelete();
    }
    var status = statuses.current(cp);
    var result = cleanup.delete(cp, owner, gw, region, StatusRecords.provider(status));
    if (result.waiting() == null) {
      forget(cp);
      return DeleteControl.defaultDelete();
    }
    StatusRecords.write(result.record(), status);
    statuses.finishNow(context.getClient(), cp, status, result.waiting());
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(result.waiting().requeue());
  }

  @Override
  public ErrorStatusUpdateControl<CapacityProvider> updateErrorStatus(
      CapacityProvider cp, Context<CapacityProvider> context, Exception e) {
    events.warning(cp, "Retrying", String.valueOf(e.getMessage()));
    var outcome = Outcome.waiting(Reason.Retrying, String.valueOf(e.getMessage()), null);
    statuses.finishNow(context.getClient(), cp, statuses.current(cp), outcome);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** The provider's region: its spec's, else the operator's default. */
  private String region(CapacityProvider cp) {
    return cp.getSpec() != null && cp.getSpec().getRegion() != null
        ? cp.getSpec().getRegion()
        : aws.defaultRegion();
  }

  private void forget(CapacityProvider cp) {
    statuses.forget(cp.getMetadata().getUid());
    owners.forget(cp.getMetadata().getUid());
  }

  private static long generation(CapacityProvider cp) {
    var g = cp.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }
}
