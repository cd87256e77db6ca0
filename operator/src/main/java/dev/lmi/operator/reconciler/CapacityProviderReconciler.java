package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.api.DeletionPolicy;
import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.aws.AwsRetryableException;
import dev.lmi.operator.aws.AwsTerminalException;
import dev.lmi.operator.aws.DeleteOutcome;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.IgnoredFields;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.validation.ObjectValidator;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;

/** Converges a CapacityProvider: network check, create, wait, update in place, delete. */
@ControllerConfiguration(name = "capacityprovider")
public class CapacityProviderReconciler
    implements Reconciler<CapacityProvider>, Cleaner<CapacityProvider> {
  private final ProviderSteps steps;
  private final ProviderCleanup cleanup;
  private final ProviderClaims claims;
  private final EventRecorder events;
  private final SpecCheck specCheck;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final StatusStore<CapacityProviderStatus> statuses;

  public CapacityProviderReconciler(
      RegionalGateways aws,
      EventRecorder events,
      OperatorSettings settings,
      OperatorMetrics metrics,
      ObjectValidator validator,
      Clock clock,
      FunctionDirectory functions) {
    this.claims = new ProviderClaims(events, settings);
    this.steps = new ProviderSteps(aws, events, settings, claims);
    this.cleanup = new ProviderCleanup(aws, events, settings, claims, functions);
    this.events = events;
    this.specCheck = new SpecCheck(validator);
    this.metrics = metrics;
    this.clock = clock;
    this.statuses = new StatusStore<>(CapacityProviderStatus.class, clock);
  }

  @Override
  public UpdateControl<CapacityProvider> reconcile(
      CapacityProvider cp, Context<CapacityProvider> context) {
    var start = System.nanoTime();
    var status = statuses.current(cp);
    Outcome outcome;
    try {
      outcome = specCheck.check(cp);
      if (outcome == null) {
        outcome = steps.converge(cp, status);
      }
    } catch (AwsTerminalException e) {
      outcome = steps.rejected(cp, e);
    }
    if (outcome.reason().terminal()
        && !outcome.reason().name().equals(Conditions.readyReason(status.getConditions()))) {
      events.warning(cp, outcome.reason().name(), outcome.message());
    }
    metrics.reconcile(
        "CapacityProvider", outcome.reason().kind().name(), System.nanoTime() - start);
    status.setConditions(
        IgnoredFields.apply(status.getConditions(), ReadIssues.of(cp), generation(cp), clock));
    return statuses.finish(context.getClient(), cp, status, outcome);
  }

  @Override
  public DeleteControl cleanup(CapacityProvider cp, Context<CapacityProvider> context) {
    // A policy this version cannot read keeps the provider rather than lose it.
    if (cp.getSpec() == null
        || cp.getSpec().getDeletionPolicy() == DeletionPolicy.RETAIN
        || ReadIssues.of(cp).unreadable("spec.deletionPolicy")) {
      cleanup.retained(cp);
      forget(cp);
      return DeleteControl.defaultDelete();
    }
    var status = statuses.current(cp);
    var result = cleanup.delete(cp, status);
    if (result.kind() == DeleteOutcome.Kind.GONE) {
      forget(cp);
      return DeleteControl.defaultDelete();
    }
    var reason =
        result.kind() == DeleteOutcome.Kind.BLOCKED ? Reason.DeletionBlocked : Reason.Deleting;
    var outcome = Outcome.waiting(reason, result.message(), cleanup.deletePoll(result));
    status.setConditions(Conditions.ready(status.getConditions(), outcome, generation(cp), clock));
    statuses.write(context.getClient(), cp, status);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(outcome.requeue());
  }

  @Override
  public ErrorStatusUpdateControl<CapacityProvider> updateErrorStatus(
      CapacityProvider cp, Context<CapacityProvider> context, Exception e) {
    events.warning(cp, "Retrying", String.valueOf(e.getMessage()));
    var status = statuses.current(cp);
    var message =
        e instanceof AwsRetryableException ? e.getMessage() : String.valueOf(e.getMessage());
    var outcome = Outcome.waiting(Reason.Retrying, message, null);
    status.setConditions(Conditions.ready(status.getConditions(), outcome, generation(cp), clock));
    status.setObservedGeneration(generation(cp));
    statuses.write(context.getClient(), cp, status);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private void forget(CapacityProvider cp) {
    statuses.forget(cp.getMetadata().getUid());
    claims.forget(cp.getMetadata().getUid());
  }

  private static long generation(CapacityProvider cp) {
    var g = cp.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }
}
