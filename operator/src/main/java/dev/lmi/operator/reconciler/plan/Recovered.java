package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.VersionView;

/**
 * Status records as AWS alone tells them, for a plan without a status: the plan command's, and a
 * dry run's. The newest version's stamp says which configuration it was made from; a version
 * without one (published before stamps existed) counts as the spec's when its code is $LATEST's and
 * $LATEST matches the spec, which is when PublishVersion would return it.
 */
public final class Recovered {
  private Recovered() {}

  public static FunctionRecord function(FunctionDesired d, FunctionObservation o) {
    var fn = o.function().value();
    var record = FunctionRecord.empty().named(d);
    if (fn == null) {
      return record;
    }
    record = record.seen(fn);
    var versions = o.versions().present() ? o.versions().value() : java.util.List.<VersionView>of();
    if (!versions.isEmpty()) {
      var newest = versions.get(versions.size() - 1);
      var hash = VersionStamp.hash(newest.description());
      if (hash == null && matchesSpec(d, o, newest)) {
        hash = d.configHash();
      }
      record = record.published(newest, hash).versionState(newest.state());
      record = record.kept(versions.stream().map(VersionView::version).toList());
    }
    var alias = o.alias().value();
    if (alias != null) {
      record = record.alias(alias.version(), alias.arn());
      // Its scaling may be in AWS: recorded as settled, so the plan reads it.
      record =
          record.scaling(
              alias.version(), new dev.lmi.operator.aws.ScalingView(null, null, null, null), true);
    }
    return record;
  }

  private static boolean matchesSpec(FunctionDesired d, FunctionObservation o, VersionView v) {
    var fn = o.function().value();
    return v.codeSha256() != null
        && v.codeSha256().equals(fn.codeSha256())
        && SettingsDiff.changes(d.settings(), fn.settings()).isEmpty()
        && FunctionDesired.codeTag(d.codeIdentity())
            .equals(fn.tags().get(dev.lmi.operator.api.Api.CODE_TAG));
  }

  public static ProviderRecord provider(CapacityProvider cp, String region) {
    return ProviderRecord.empty().named(cp.awsName(), region);
  }
}
