package dev.lmi.operator.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.aws.AliasGateway;
import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.AwsRetryableException;
import dev.lmi.operator.aws.ErrorKind;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.FunctionObservation;
import dev.lmi.operator.reconciler.plan.FunctionPlan;
import dev.lmi.operator.reconciler.plan.FunctionRecord;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.PlannedAction;
import dev.lmi.operator.reconciler.plan.Seen;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Carrying out a function plan against an in-memory alias gateway: the part of adopting a function
 * whose alias someone else made that the plan cannot decide, because only AWS knows the name is
 * taken (FunctionBehaviourIT.adoptsAnExistingFunctionAndMovesItsAliasWhenAsked).
 */
class FunctionApplyTest {
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders-f";
  private final Aliases aliases = new Aliases();
  private final List<String> events = new ArrayList<>();
  private final Events recorder =
      new Events() {
        @Override
        public void normal(HasMetadata about, String reason, String message) {
          events.add(reason);
        }

        @Override
        public void warning(HasMetadata about, String reason, String message) {
          events.add("warning " + reason);
        }
      };

  @Test
  void anAliasNameFoundTakenIsPointedAtTheVersionInsteadOfCreated() {
    aliases.existing.put("live", "7");

    var applied = applyTheFirstActiveVersion();

    assertThat(aliases.existing).containsEntry("live", "1");
    assertThat(applied.record().served().aliasVersion()).isEqualTo("1");
    assertThat(applied.record().served().aliasArn()).isEqualTo(ARN + ":live");
    assertThat(events).containsExactly("AliasUpdated", "Scaled");
    assertThat(aliases.scaled).containsExactly("1: 3..4");
  }

  @Test
  void anAliasNobodyMadeIsCreated() {
    var applied = applyTheFirstActiveVersion();

    assertThat(aliases.existing).containsEntry("live", "1");
    assertThat(applied.record().served().aliasArn()).isEqualTo(ARN + ":live");
    assertThat(events).containsExactly("AliasCreated", "Scaled");
  }

  /** Version 1 of a function just created is Active: the plan says CreateAlias, PutScaling. */
  private Applied<FunctionRecord> applyTheFirstActiveVersion() {
    var fn = Resources.function("orders", "f", "orders-pool");
    fn.getMetadata().setUid("6f1c2a4e-0b7d-4c1e-9a55-3d2f8e7b1c90");
    var owner = Owner.of("default", fn);
    var d =
        FunctionDesired.of(
            fn, "arn:aws:lambda:us-east-1:123456789012:capacity-provider:p", owner.tag());
    var tags = new HashMap<>(Map.of(Api.OWNER_TAG, owner.tag()));
    tags.put(Api.CODE_TAG, FunctionDesired.codeTag(d.codeIdentity()));
    var view =
        new FunctionView(
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
    var record =
        FunctionRecord.empty().created(d, view, new VersionView("1", "Pending", null, null, "sha"));
    var observed =
        FunctionObservation.none(true)
            .withFunction(Seen.of(view))
            .withVersion(Seen.of(new VersionView("1", "Active", null, null, "sha")));
    var pace = new Pace(Duration.ofSeconds(5), Duration.ofMinutes(10));
    var decision = new FunctionPlan(d, owner, pace).decide(record, observed);
    assertThat(decision.now())
        .extracting(PlannedAction::type)
        .containsExactly("CreateAlias", "PutScaling");
    var cue = new RolloutCue(Instant.EPOCH, Command.NONE, null, (about, key, value) -> {});
    return new FunctionApply(recorder)
        .run(fn, new Gateways(null, null, aliases, null), d, decision, cue);
  }

  /** Aliases of one function as AWS keeps them: a taken name is refused with a conflict. */
  private static final class Aliases implements AliasGateway {
    final Map<String, String> existing = new HashMap<>();
    final List<String> scaled = new ArrayList<>();

    @Override
    public Optional<AliasView> get(String function, String alias) {
      return Optional.ofNullable(existing.get(alias)).map(v -> view(alias, v));
    }

    @Override
    public AliasView create(String function, String alias, String version) {
      if (existing.containsKey(alias)) {
        throw new AwsRetryableException(
            "ResourceConflictException",
            ErrorKind.CONFLICT,
            "Alias already exists: " + alias,
            null);
      }
      existing.put(alias, version);
      return view(alias, version);
    }

    @Override
    public AliasView update(String function, String alias, String version) {
      existing.put(alias, version);
      return view(alias, version);
    }

    @Override
    public AliasView route(
        String function, String alias, String stable, String candidate, int weightPercent) {
      existing.put(alias, stable);
      return new AliasView(
          alias, ARN + ":" + alias, stable, Map.of(candidate, weightPercent / 100.0));
    }

    @Override
    public void delete(String function, String alias) {
      existing.remove(alias);
    }

    @Override
    public Optional<ScalingView> scaling(String function, String version) {
      return Optional.empty();
    }

    @Override
    public void putScaling(String function, String version, Integer min, Integer max) {
      scaled.add(version + ": " + min + ".." + max);
    }

    private static AliasView view(String alias, String version) {
      return new AliasView(alias, ARN + ":" + alias, version, Map.of());
    }
  }
}
