package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which published versions to delete for keepVersions. Only good versions count: a Failed one
 * serves nothing and is deleted (unless it is the newest publish, whose failure the status
 * explains). Never deleted: the alias's version, the newest publish, and the newest good version,
 * the rollback target while a newer one fails. Pure.
 */
final class Retention {
  private Retention() {}

  /** The versions to delete, oldest first; {@code versions} are oldest first too. */
  static List<String> doomed(
      List<VersionView> versions, int keep, String aliasVersion, String publishedVersion) {
    var good = versions.stream().filter(v -> !v.failed()).map(VersionView::version).toList();
    var newestGood = good.isEmpty() ? null : good.get(good.size() - 1);
    var out = new ArrayList<String>();
    var excess = good.size() - keep;
    for (var v : versions) {
      var name = v.version();
      if (Objects.equals(name, aliasVersion)
          || Objects.equals(name, publishedVersion)
          || Objects.equals(name, newestGood)) {
        continue;
      }
      if (v.failed()) {
        out.add(name);
      } else if (excess > 0) {
        out.add(name);
        excess--;
      }
    }
    return out;
  }
}
