package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Publish;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.stream.Stream;

/**
 * A published version of exactly the spec, started: published when the record names none made of
 * this configuration, then waited for. A version that fails to start ends the plan: the alias stays
 * on the last good one.
 */
final class PublishPlan {
  private final FunctionDesired d;
  private final Pace pace;
  private final ProviderRoom room;

  PublishPlan(FunctionDesired desired, Pace pace, ProviderRoom room) {
    this.d = desired;
    this.pace = pace;
    this.room = room;
  }

  /** The version to promote; null when the plan ends here. */
  VersionRef decide(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var r = p.record();
    if (!d.configHash().equals(r.published().hash())) {
      return publish(p, o);
    }
    var number = r.published().version();
    if (p.projecting()) {
      return VersionRef.of(number);
    }
    var version = version(p, o, r.published());
    if (version == null) {
      // Deleted behind the operator's back: publish it again.
      return publish(p, o);
    }
    p.record(p.record().versionState(version.state()));
    if (version.failed()) {
      var retry = CapacityRetry.decide(p, d, version, room, pace);
      if (retry == CapacityRetry.Verdict.AGAIN) {
        return publish(p, o);
      }
      if (retry == CapacityRetry.Verdict.END) {
        return null;
      }
      p.end(
          Outcome.terminal(
              Reason.VersionFailed,
              VersionFailures.describe(number, version, r.served().aliasVersion())));
      return null;
    }
    // A version scaled to zero is woken (or left asleep) by the scaling step.
    if (!version.active() && !version.deactivated()) {
      p.add(wait(starting(number, version.state())));
    }
    return VersionRef.of(number);
  }

  /**
   * PublishVersion returns the existing version when nothing changed since it, so a restart between
   * the call and the status write cannot create a duplicate.
   */
  private VersionRef publish(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var full = room == null ? null : room.gate("publishing a new version", d, p.record(), pace);
    if (full != null) {
      p.end(full);
      return null;
    }
    var next = VersionRef.planned(next(p.record(), o));
    p.add(new Publish(next));
    p.add(wait(starting(next.toString(), VersionView.PENDING)));
    var planned = VersionView.starting(next.number());
    p.record(p.record().published(planned, d.configHash()));
    return next;
  }

  /**
   * The published version as far as known: read, listed, or Active on record (an Active version is
   * not read again); null when AWS no longer has it.
   */
  private static VersionView version(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, PublishedRecord r) {
    if (!o.version().known() && o.versions().known()) {
      return o.versions().value().stream()
          .filter(v -> v.version().equals(r.version()))
          .findFirst()
          .orElse(null);
    }
    if (!o.version().known() && r.active()) {
      return new VersionView(r.version(), r.state(), null, null, null);
    }
    return p.need(o.version(), FunctionPlan.Read.VERSION);
  }

  /** The number AWS will most likely give the next version: one past the newest known. */
  static String next(FunctionRecord r, FunctionObservation o) {
    var listed =
        o.versions().known()
            ? o.versions().value().stream().map(VersionView::version)
            : Stream.<String>empty();
    var recorded =
        r.published().versions() == null
            ? Stream.<String>empty()
            : r.published().versions().stream();
    return Stream.of(
            listed, recorded, Stream.of(r.published().version(), r.served().aliasVersion()))
        .flatMap(s -> s)
        .filter(v -> v != null && v.matches("\\d+"))
        .mapToLong(Long::parseLong)
        .max()
        .stream()
        .mapToObj(n -> Long.toString(n + 1))
        .findFirst()
        .orElse(null);
  }

  private static String starting(String version, String state) {
    return "version " + version + " is " + state + " while its execution environments start";
  }

  private Wait wait(String message) {
    return new Wait(Outcome.waiting(Reason.Publishing, message, pace.poll()));
  }
}
