package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import java.util.ArrayList;
import java.util.List;

/**
 * What a function's status records about the newest version this operator published.
 *
 * @param hash the configuration hash the version was published from
 * @param failedVersion the newest publish, when it failed to start
 * @param versions the published versions kept, oldest first; null when the record of them was lost,
 *     so that a listing finds the older ones
 */
public record PublishedRecord(
    String version, String state, String hash, String failedVersion, List<String> versions) {

  static PublishedRecord empty() {
    return new PublishedRecord(null, null, null, null, null);
  }

  public boolean pending() {
    return VersionView.isPending(state);
  }

  public boolean active() {
    return VersionView.isActive(state);
  }

  /** A function just created has no versions but the one its create may publish. */
  PublishedRecord created() {
    return new PublishedRecord(version, state, hash, failedVersion, new ArrayList<>());
  }

  /** A version was published (PublishVersion, or CreateFunction with Publish). */
  PublishedRecord published(VersionView v, String configHash) {
    List<String> kept = null;
    if (versions != null) {
      // A missing record stays missing: older versions may exist that only a listing finds.
      kept = new ArrayList<>(versions);
      if (!kept.contains(v.version())) {
        kept.add(v.version());
      }
    }
    return new PublishedRecord(v.version(), v.state(), configHash, null, kept);
  }

  /** The version's state as just read; a failure names the version. */
  PublishedRecord state(String now) {
    var failed = VersionView.isFailed(now) ? version : failedVersion;
    return new PublishedRecord(version, now, hash, failed, versions);
  }

  /** The published versions left after pruning. */
  PublishedRecord kept(List<String> left) {
    return new PublishedRecord(version, state, hash, failedVersion, List.copyOf(left));
  }
}
