package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.DeletionPolicy;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.aws.AwsTerminalException;
import dev.lmi.operator.aws.ErrorKind;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.preview.Previews;
import dev.lmi.operator.preview.ReadOnlyGateways;
import dev.lmi.operator.reconciler.apply.FunctionRun;
import dev.lmi.operator.reconciler.apply.RolloutCue;
import dev.lmi.operator.reconciler.apply.VerifiedOwners;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.ProviderGate;
import dev.lmi.operator.reconciler.plan.StatusRecords;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.IgnoredFields;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
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
import java.time.Clock;
import java.util.List;

/** Converges an LmiFunction: validate, gate on its provider, then observe, plan and apply. */
@ControllerConfiguration(
    name = "lmifunction",
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = WakeFilter.class))
public class LmiFunctionReconciler implements Reconciler<LmiFunction>, Cleaner<LmiFunction> {
  private final RegionalGateways aws;
  private final SpecCheck specCheck;
  private final FunctionRun run;
  private final FunctionCleanup cleanup;
  private final VerifiedOwners owners = new VerifiedOwners();
  private final EventRecorder events;
  private final DryRuns dryRuns;
  private final OperatorSettings settings;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final StatusWriter<LmiFunctionStatus> statuses;
  private final FunctionDirectory directory;
  private final FunctionAccounts accounts;

  public LmiFunctionReconciler(
      RegionalGateways aws,
      EventRecorder events,
      OperatorSettings settings,
      OperatorMetrics metrics,
      ObjectValidator validator,
      Clock clock,
      FunctionDirectory directory,
      CapacitySettings capacity) {
    this.accounts = new FunctionAccounts(capacity, directory, clock);
    this.aws = aws;
    this.directory = directory;
    this.specCheck = new SpecCheck(validator);
    this.run = new FunctionRun(events, owners, settings.pace());
    this.cleanup = new FunctionCleanup(events, settings.pace());
    this.events = events;
    this.dryRuns = new DryRuns(events);
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.statuses = new StatusWriter<>(LmiFunctionStatus.class, "LmiFunction", clock, metrics);
  }

  @Override
  public List<EventSource<?, LmiFunction>> prepareEventSources(
      EventSourceContext<LmiFunction> context) {
    return List.of(ProviderEvents.source(context, directory));
  }

  @Override
  public UpdateControl<LmiFunction> reconcile(LmiFunction fn, Context<LmiFunction> context) {
    var start = System.nanoTime();
    var status = statuses.current(fn);
    var provider = context.getSecondaryResource(CapacityProvider.class).orElse(null);
    Outcome outcome;
    try {
      outcome = converge(fn, provider, status, AnnotationRemover.cue(fn, context, clock));
    } catch (AwsTerminalException e) {
      var reason = e.kind() == ErrorKind.QUOTA ? Reason.QuotaExceeded : Reason.AwsRejected;
      outcome = Outcome.terminal(reason, e.getMessage());
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

  /** Spec, provider gate, then the plan: carried out, or only recorded on a dry run. */
  private Outcome converge(
      LmiFunction fn, CapacityProvider cp, LmiFunctionStatus status, RolloutCue cue) {
    var stop = specCheck.check(fn);
    if (stop == null) {
      stop = ProviderGate.check(fn, cp, settings.pace());
    }
    if (stop == null) {
      stop = RolloutRoom.providerSettling(fn, cp, settings.pace());
    }
    if (stop != null) {
      status.setPlan(null);
      return stop;
    }
    var gw = aws.forRegion(cp.getStatus().getRegion());
    var owner = Owner.of(settings.clusterName(), fn);
    var effective = accounts.effective(fn);
    var desired = FunctionAccounts.desired(fn, cp, owner, effective);
    if (DryRuns.requested(fn)) {
      var plan = Previews.function(fn, desired, owner, ReadOnlyGateways.of(gw), settings.pace());
      var outcome = dryRuns.record(fn, plan, status.getPlan(), settings.resync());
      status.setPlan(plan);
      return outcome;
    }
    status.setPlan(null);
    var room = accounts.room(fn, cp);
    var result = run.converge(fn, gw, desired, owner, StatusRecords.function(status), cue, room);
    StatusRecords.write(result.record(), status);
    return accounts.account(
        fn, cp, status, statuses.stored(fn), desired, effective, result.record(), result.outcome());
  }

  @Override
  public DeleteControl cleanup(LmiFunction fn, Context<LmiFunction> context) {
    var provider = context.getSecondaryResource(CapacityProvider.class).orElse(null);
    var region =
        provider == null || provider.getStatus() == null ? null : provider.getStatus().getRegion();
    var gw = aws.forRegion(region);
    var owner = Owner.of(settings.clusterName(), fn);
    if (retained(fn)) {
      cleanup.retain(fn, owner, gw);
      forget(fn);
      return DeleteControl.defaultDelete();
    }
    var outcome = cleanup.delete(fn, owner, gw);
    if (outcome == null) {
      forget(fn);
      return DeleteControl.defaultDelete();
    }
    statuses.finishNow(context.getClient(), fn, statuses.current(fn), outcome);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(outcome.requeue());
  }

  @Override
  public ErrorStatusUpdateControl<LmiFunction> updateErrorStatus(
      LmiFunction fn, Context<LmiFunction> context, Exception e) {
    events.warning(fn, "Retrying", String.valueOf(e.getMessage()));
    var outcome = Outcome.waiting(Reason.Retrying, String.valueOf(e.getMessage()), null);
    statuses.finishNow(context.getClient(), fn, statuses.current(fn), outcome);
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
    owners.forget(fn.getMetadata().getUid());
  }
}
