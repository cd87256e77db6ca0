package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Deactivate;
import dev.lmi.operator.reconciler.plan.FunctionAction.PruneVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions kept once the alias serves a target: those beyond keepVersions are deleted ({@link
 * Retention}), and those kept that no alias routes to are scaled to zero ({@link Dormancy}).
 */
final class VersionPruning {
  private VersionPruning() {}

  /**
   * Versions come from this operator's publishes, which the record lists: AWS is listed only when
   * that record is missing, lacks the version served, holds a version keepVersions dooms (a prune
   * cut short: the operator stopped between moving the alias and deleting, or the delete failed),
   * or lists more than one version after a move.
   */
  static void prune(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef target,
      boolean moved,
      int keepVersions) {
    var recorded = p.record().published().versions();
    // After a move every older version is listed: those kept are scaled to zero.
    if (recorded != null
        && !(moved && recorded.size() > 1)
        && settled(recorded, target, keepVersions)) {
      return;
    }
    var all = versions(p, o, recorded);
    if (all == null) {
      return;
    }
    if (all.stream().noneMatch(v -> v.version().equals(target.number()))) {
      all.add(active(target.number()));
    }
    var doomed = Retention.doomed(all, keepVersions, target.number(), target.number());
    var keep = all.stream().map(VersionView::version).filter(v -> !doomed.contains(v)).toList();
    if (!doomed.isEmpty()) {
      p.add(new PruneVersions(doomed, keep));
    }
    var asleep = Dormancy.retained(all, keep, target);
    if (!asleep.isEmpty()) {
      p.add(new Deactivate(asleep));
    }
    p.record(p.record().kept(keep));
  }

  /** Whether the record holds the served version and nothing keepVersions would delete. */
  private static boolean settled(List<String> recorded, VersionRef target, int keepVersions) {
    if (!recorded.contains(target.number())) {
      return false;
    }
    var views = recorded.stream().map(VersionPruning::active).toList();
    return Retention.doomed(views, keepVersions, target.number(), target.number()).isEmpty();
  }

  /** The function's versions: as listed, else a projection's record of them (null: none). */
  private static List<VersionView> versions(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, List<String> recorded) {
    if (o.versions().known()) {
      return new ArrayList<>(o.versions().value());
    }
    if (p.projecting()) {
      return recorded == null
          ? null
          : new ArrayList<>(recorded.stream().map(VersionPruning::active).toList());
    }
    return new ArrayList<>(p.need(o.versions(), FunctionPlan.Read.VERSIONS));
  }

  private static VersionView active(String version) {
    return VersionView.serving(version);
  }
}
