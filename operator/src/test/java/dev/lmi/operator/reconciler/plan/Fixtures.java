package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.testing.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A function, its desired state and AWS views of it, for the plan's table tests. */
final class Fixtures {
  static final String UID = "6f1c2a4e-0b7d-4c1e-9a55-3d2f8e7b1c90";
  static final String OTHER_UID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String PROVIDER_ARN =
      "arn:aws:lambda:us-east-1:123456789012:capacity-provider:orders-pool";
  static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders-list-orders";
  static final Pace PACE = new Pace(Duration.ofSeconds(5), Duration.ofMinutes(10));

  private Fixtures() {}

  static LmiFunction function() {
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getMetadata().setUid(UID);
    return fn;
  }

  static Owner owner(LmiFunction fn) {
    return Owner.of("default", fn);
  }

  static FunctionDesired desired(LmiFunction fn) {
    return FunctionDesired.of(fn, PROVIDER_ARN, owner(fn).tag());
  }

  /** $LATEST as AWS reports it when it matches the spec and carries this object's tags. */
  static FunctionView latest(FunctionDesired d, Owner owner) {
    return latest(d, Map.of(Api.OWNER_TAG, owner.tag()));
  }

  static FunctionView latest(FunctionDesired d, Map<String, String> ownerTags) {
    var tags = new HashMap<>(ownerTags);
    tags.put(Api.CODE_TAG, FunctionDesired.codeTag(d.codeIdentity()));
    return new FunctionView(
        ARN,
        "ActiveNonInvocable",
        null,
        null,
        "Successful",
        null,
        null,
        true,
        d.settings(),
        "sha",
        null,
        tags);
  }

  static VersionView version(String number, String state) {
    return new VersionView(number, state, null, null, "sha");
  }

  static AliasView alias(String version) {
    return new AliasView("live", ARN + ":live", version, Map.of());
  }

  static ScalingView settled(int min, int max) {
    return new ScalingView(min, max, null, null);
  }

  /**
   * Version 3 serves the alias, and version 4 of the spec (whose spec.rollout has steps) took step
   * 1 at {@code t0}: the record a plan then leaves.
   */
  static FunctionRecord atStepOne(FunctionDesired d, Owner owner, Instant t0) {
    var r =
        converged(d, "3")
            .published(version("4", "Active"), d.configHash())
            .scaling("4", settled(3, 4), true);
    var o =
        FunctionObservation.none(true)
            .withFunction(Seen.of(latest(d, owner)))
            .withAlias(Seen.of(alias("3")))
            .withScaling(Seen.of(settled(3, 4)))
            .withStable(Seen.of(version("3", "Active")));
    return new FunctionPlan(d, owner, PACE, t0, Command.NONE).decide(r, o).record();
  }

  /** Version 3 of the alias with {@code weight} percent routed to version 4. */
  static AliasView split(int weight) {
    return new AliasView("live", ARN + ":live", "3", Map.of("4", weight / 100.0));
  }

  /** The record of a function converged on version {@code v}: what a Ready status holds. */
  static FunctionRecord converged(FunctionDesired d, String v) {
    return FunctionRecord.empty()
        .named(d)
        .created(d, latest(d, Map.of()), version("1", "Pending"))
        .matched(d)
        .published(version(v, "Active"), d.configHash())
        .alias(v, ARN + ":live")
        .scaling(v, settled(3, 4), true)
        .kept(java.util.List.of(v));
  }
}
