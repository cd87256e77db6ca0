package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.api.ScalingStatus;
import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.AwsErrors;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/** Publishes a version when code or configuration changed, then promotes, scales and prunes. */
final class PublishSteps {
  private final EventRecorder events;
  private final OperatorSettings settings;

  PublishSteps(EventRecorder events, OperatorSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  Outcome converge(LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d) {
    if (!d.configHash().equals(st.getPublishedHash())) {
      // PublishVersion returns the existing version when nothing changed since it, so a restart
      // between this call and the status write cannot create a duplicate.
      var v = gw.functions().publish(d.name());
      published(fn, st, d, v);
      if (!v.active()) {
        // The response already says the version is starting: look again after the poll rather
        // than reading it back at once.
        return starting(v.version(), v.state());
      }
    }
    if (!VersionView.isActive(st.getPublishedVersionState())) {
      var waiting = awaitVersion(fn, st, gw, d);
      if (waiting != null) {
        return waiting;
      }
    }
    return promote(fn, st, gw, d);
  }

  /** Records a version just published, by PublishVersion or by CreateFunction with Publish. */
  void published(LmiFunction fn, LmiFunctionStatus st, FunctionDesired d, VersionView v) {
    events.normal(fn, "Published", "published version " + v.version() + " (" + v.state() + ")");
    st.setPublishedVersion(v.version());
    st.setPublishedVersionState(v.state());
    st.setPublishedHash(d.configHash());
    st.setFailedVersion(null);
    remember(st, v.version());
  }

  private Outcome awaitVersion(
      LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d) {
    var version = st.getPublishedVersion();
    var v = gw.functions().version(d.name(), version);
    if (v.isEmpty()) {
      st.setPublishedHash(null);
      return Outcome.waiting(
          Reason.Publishing, "version " + version + " vanished; publishing again", settings.poll());
    }
    st.setPublishedVersionState(v.get().state());
    if (v.get().failed()) {
      if (!version.equals(st.getFailedVersion())) {
        events.warning(
            fn, "VersionFailed", "version " + version + " failed: " + v.get().stateReasonCode());
      }
      st.setFailedVersion(version);
      return Outcome.terminal(
          Reason.VersionFailed, VersionFailures.describe(version, v.get(), st.getAliasVersion()));
    }
    if (!v.get().active()) {
      return starting(version, v.get().state());
    }
    return null;
  }

  private Outcome starting(String version, String state) {
    return Outcome.waiting(
        Reason.Publishing,
        "version " + version + " is " + state + " while its execution environments start",
        settings.poll());
  }

  private Outcome promote(LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d) {
    var target = st.getPublishedVersion();
    if (aliasJustSet(fn, st, target)) {
      // This operator pointed the alias at the target a poll ago and only the scaling is
      // pending: it is not read again until the next resync or spec change.
      return scale(fn, st, gw, d, target);
    }
    // With no alias on record, it most likely does not exist: it is created without a read first.
    // AWS refuses a name that is taken, and only then is the alias read.
    var moved =
        (st.getAliasArn() == null
                && AwsErrors.unlessConflict(() -> createAlias(fn, st, gw, d, target)).isPresent())
            || pointAlias(fn, st, gw, d, target);
    st.setAliasVersion(target);
    // Versions come from this operator's publishes, which the status records: AWS is listed
    // only when that record is missing or says there are more than keepVersions.
    if (st.getVersions() == null || (moved && st.getVersions().size() > d.keepVersions())) {
      prune(fn, st, gw, d);
    }
    return scale(fn, st, gw, d, target);
  }

  /** Reads the alias and creates or moves it when it does not serve the target; true if moved. */
  private boolean pointAlias(
      LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d, String target) {
    var alias = gw.aliases().get(d.name(), d.alias());
    if (alias.isEmpty()) {
      createAlias(fn, st, gw, d, target);
      return true;
    }
    if (!target.equals(alias.get().version())
        || !alias.get().additionalVersionWeights().isEmpty()) {
      var updated = gw.aliases().update(d.name(), d.alias(), target);
      events.normal(
          fn, "AliasUpdated", "alias " + d.alias() + " " + alias.get().version() + " -> " + target);
      st.setAliasArn(updated.arn());
      return true;
    }
    st.setAliasArn(alias.get().arn());
    return false;
  }

  private AliasView createAlias(
      LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d, String target) {
    var created = gw.aliases().create(d.name(), d.alias(), target);
    events.normal(fn, "AliasCreated", "alias " + d.alias() + " -> version " + target);
    st.setAliasArn(created.arn());
    return created;
  }

  private static boolean aliasJustSet(LmiFunction fn, LmiFunctionStatus st, String target) {
    return lastEndedWith(fn, st, Reason.ScalingInProgress)
        && target.equals(st.getAliasVersion())
        && st.getAliasArn() != null;
  }

  /** The last reconcile of this same generation ended with one of these reasons. */
  static boolean lastEndedWith(LmiFunction fn, LmiFunctionStatus st, Reason... reasons) {
    var reason = Conditions.readyReason(st.getConditions());
    return Objects.equals(st.getObservedGeneration(), fn.getMetadata().getGeneration())
        && java.util.Arrays.stream(reasons).anyMatch(r -> r.name().equals(reason));
  }

  private Outcome scale(
      LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d, String version) {
    // A version with no scaling on record was published by this operator and not scaled yet, so
    // it has no scaling config of its own: the config is put without a read first.
    var current =
        scalingRecorded(st, version)
            ? gw.aliases().scaling(d.name(), version)
            : Optional.<ScalingView>empty();
    var min = d.minExecutionEnvironments();
    var max = d.maxExecutionEnvironments();
    var s = current.orElse(new ScalingView(null, null, null, null));
    var requestedMatches =
        Objects.equals(min, s.requestedMin()) && Objects.equals(max, s.requestedMax());
    var appliedMatches =
        Objects.equals(min, s.appliedMin()) && (max == null || max.equals(s.appliedMax()));
    if (s.settled() && appliedMatches) {
      st.setScaling(scalingStatus(version, s, true));
      return Outcome.ready(
          "alias "
              + d.alias()
              + " serves version "
              + version
              + " with "
              + min
              + ".."
              + (max == null ? "unbounded" : max)
              + " execution environments",
          settings.resync());
    }
    if (!requestedMatches) {
      gw.aliases().putScaling(d.name(), version, min, max);
      events.normal(fn, "Scaled", "version " + version + ": min " + min + ", max " + max);
    }
    st.setScaling(scalingStatus(version, s, false));
    return Outcome.waiting(
        Reason.ScalingInProgress,
        "AWS is applying the scaling of version " + version,
        settings.poll());
  }

  private static boolean scalingRecorded(LmiFunctionStatus st, String version) {
    return st.getScaling() != null && version.equals(st.getScaling().getVersion());
  }

  private void prune(LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d) {
    var all = gw.functions().publishedVersions(d.name());
    var doomed =
        Retention.doomed(all, d.keepVersions(), st.getAliasVersion(), st.getPublishedVersion());
    var keep = new ArrayList<String>();
    for (var v : all) {
      if (doomed.contains(v.version())) {
        gw.functions().deleteVersion(d.name(), v.version());
        events.normal(
            fn,
            "DeletedVersion",
            "deleted version "
                + v.version()
                + (v.failed() ? " (Failed)" : " (keepVersions " + d.keepVersions() + ")"));
      } else {
        keep.add(v.version());
      }
    }
    st.setVersions(keep);
  }

  /**
   * Adds a version to the record of this operator's versions. A missing record stays missing: the
   * status was lost (a restart before it was written), so older versions may exist that only a
   * listing finds, and the next promotion lists them.
   */
  private static void remember(LmiFunctionStatus st, String version) {
    if (st.getVersions() == null) {
      return;
    }
    var versions = new ArrayList<>(st.getVersions());
    if (!versions.contains(version)) {
      versions.add(version);
    }
    st.setVersions(versions);
  }

  private static ScalingStatus scalingStatus(String version, ScalingView s, boolean settled) {
    var out = new ScalingStatus();
    out.setVersion(version);
    out.setMinExecutionEnvironments(s.appliedMin());
    out.setMaxExecutionEnvironments(s.appliedMax());
    out.setSettled(settled);
    return out;
  }
}
