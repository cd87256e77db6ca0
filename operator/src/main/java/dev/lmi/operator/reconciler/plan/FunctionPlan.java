package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Create;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.rollout.ReadRequest;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Instant;

/**
 * How the operator converges one function, as a pure function of the spec, the status record and
 * what was read from AWS: $LATEST first (created, owned, then its configuration, then its code),
 * then a published version of exactly that, then the alias, scaling and retention ({@link
 * PromotePlan}), or a rollout's weighted steps ({@link RolloutShift}). Reads are asked for only
 * when a decision needs them, and skipped where the record already answers: that is what keeps a
 * converged function at three reads a resync.
 */
public final class FunctionPlan {
  /** The reads a function plan may ask for. */
  public enum Read {
    FUNCTION,
    VERSION,
    ALIAS,
    SCALING,
    VERSIONS,
    /** CloudWatch for a rollout's analysis: {@link #analysisRequest} says what exactly. */
    ANALYSIS,
    /** The configuration of the version the alias serves, before a rollout starts from it. */
    STABLE
  }

  private final FunctionDesired d;
  private final Owner owner;
  private final Pace pace;
  private final LatestConvergence latest;
  private final LostCandidate lost;
  private RolloutShift rollout;
  private ProviderRoom room;

  /** A plan at the start of time with no lmi.dev/rollout command: for plans without a rollout. */
  public FunctionPlan(FunctionDesired desired, Owner owner, Pace pace) {
    this(desired, owner, pace, Instant.EPOCH, Command.NONE);
  }

  /**
   * @param now the time a rollout's pauses are measured against (the operator's clock)
   * @param command what the object's lmi.dev/rollout annotation asks for
   */
  public FunctionPlan(
      FunctionDesired desired, Owner owner, Pace pace, Instant now, Command command) {
    this.d = desired;
    this.owner = owner;
    this.pace = pace;
    this.latest = new LatestConvergence(desired, pace);
    this.lost = new LostCandidate(desired, now, command);
    this.rollout = new RolloutShift(desired, pace, now, command, null);
  }

  /** The same plan, holding back steps that start environments the provider has no room for. */
  public FunctionPlan within(ProviderRoom providerRoom) {
    this.room = providerRoom;
    this.rollout = rollout.within(providerRoom);
    return this;
  }

  public Decision<FunctionAction, Read, FunctionRecord> decide(
      FunctionRecord record, FunctionObservation o) {
    try {
      return plan(record, o);
    } catch (Path.Unknown u) {
      return Decision.needs(u.read());
    }
  }

  /** What to ask CloudWatch when {@link #decide} needs {@link Read#ANALYSIS}. */
  public ReadRequest analysisRequest(FunctionRecord record, FunctionObservation o) {
    try {
      plan(record, o);
    } catch (Path.Unknown u) {
      if (u.detail() instanceof ReadRequest r) {
        return r;
      }
    }
    throw new IllegalStateException("the plan of " + d.name() + " needs no CloudWatch read");
  }

  private Decision<FunctionAction, Read, FunctionRecord> plan(
      FunctionRecord record, FunctionObservation o) {
    var p = new Path<FunctionAction, FunctionRecord>(record.named(d));
    if (latest(p, o) && rollout.room(p)) {
      var target = new PublishPlan(d, pace, room).decide(p, o);
      if (target != null) {
        return rollout.decide(p, o, target);
      }
      lost.failed(p, o);
    }
    return p.decision(null);
  }

  /** $LATEST exists, is this object's, is an LMI function and matches the spec: go on. */
  private boolean latest(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var r = p.record();
    if (!o.function().known() && inFlight(r, o)) {
      return true;
    }
    if (!o.function().known() && nothingRecorded(r, o)) {
      return create(p);
    }
    var view = p.need(o.function(), Read.FUNCTION);
    if (view == null) {
      return create(p);
    }
    if (!FunctionClaim.decide(p, owner, d.name(), view) || !latest.usable(p, view)) {
      return false;
    }
    lost.superseded(p, o);
    return latest.converged(p, view);
  }

  /**
   * $LATEST matched this spec when the publish or scaling under way began, and this process read
   * the owner tag since it started: until they complete only the version, the alias and the scaling
   * are watched (and a rollout's steps). A resync (nothing in flight) or a spec change reads
   * $LATEST again.
   */
  private boolean inFlight(FunctionRecord r, FunctionObservation o) {
    return o.ownerVerified()
        && r.latest().functionArn() != null
        && d.configHash().equals(r.latest().latestHash())
        && d.configHash().equals(r.published().hash())
        && (r.published().pending()
            || r.served().scalingInProgress(r.published().version())
            || rollingOut(r));
  }

  /** A rollout of this very spec is under way: $LATEST is read again once it ended. */
  private boolean rollingOut(FunctionRecord r) {
    return r.rollout() != null
        && r.rollout().progressing()
        && d.configHash().equals(r.rollout().candidateHash());
  }

  /**
   * Nothing of the function is on record, so it most likely does not exist: it is created without a
   * read first. AWS refuses a name that is taken, and only then is it read; a name found taken
   * stays read, never created again.
   */
  private static boolean nothingRecorded(FunctionRecord r, FunctionObservation o) {
    return r.latest().functionArn() == null && !r.latest().nameTaken() && !o.createRefused();
  }

  /** CreateFunction with Publish: the first version starts while $LATEST is created. */
  private boolean create(Path<FunctionAction, FunctionRecord> p) {
    var full =
        room == null ? null : room.gate("creating the function (version 1)", d, p.record(), pace);
    if (full != null) {
      p.end(full);
      return false;
    }
    p.add(new Create(d.name(), d.codeIdentity()));
    p.add(wait(Reason.Creating, "function " + d.name() + " is being created"));
    var first = VersionView.starting("1");
    p.record(FunctionRecord.empty().named(d).created(d, placeholder(), first));
    return true;
  }

  Wait wait(Reason reason, String message) {
    return new Wait(Outcome.waiting(reason, message, pace.poll()));
  }

  private FunctionView placeholder() {
    return FunctionView.beingCreated(d.settings(), d.tags());
  }
}
