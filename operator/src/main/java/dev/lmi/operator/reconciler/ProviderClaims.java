package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a CapacityProvider may write the provider AWS has under its name, decided by the owner
 * tag. GetCapacityProvider returns no tags, so they are read (ListTags) when this process first
 * meets the provider and again before every write; a resync that changes nothing reads them once
 * per process, not per resync.
 */
final class ProviderClaims {
  private final EventRecorder events;
  private final OperatorSettings settings;
  // uid -> the ARN of the provider whose owner tag named that object when this process read it.
  private final Map<String, String> verified = new ConcurrentHashMap<>();

  ProviderClaims(EventRecorder events, OperatorSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  /** True when this process found the provider's owner tag naming this object. */
  boolean verified(CapacityProvider cp, String arn) {
    return arn != null && arn.equals(verified.get(cp.getMetadata().getUid()));
  }

  void created(CapacityProvider cp, String arn) {
    verified.put(cp.getMetadata().getUid(), arn);
  }

  void forget(String uid) {
    verified.remove(uid);
  }

  /** An owner tag as read, and what it means for this object. */
  record Found(Ownership.Claim claim, String tag) {}

  /** Reads the provider's owner tag; an older operator's tag (no uid) gets this object's uid. */
  Found read(CapacityProvider cp, Gateways gw, String arn) {
    var tag = gw.providers().tags(arn).get(Api.OWNER_TAG);
    var claim = Ownership.claim(tag, identity(cp), cp.getMetadata().getUid());
    if (claim == Ownership.Claim.OURS_BY_NAME) {
      gw.providers().tag(arn, Map.of(Api.OWNER_TAG, owner(cp)));
      events.normal(cp, "Claimed", "recorded this object's uid in the owner tag of " + arn);
      claim = Ownership.Claim.OURS;
    }
    if (claim == Ownership.Claim.OURS) {
      verified.put(cp.getMetadata().getUid(), arn);
    } else {
      verified.remove(cp.getMetadata().getUid());
    }
    return new Found(claim, tag);
  }

  /** Null when the tag, read now, names this object; otherwise the refusal naming the owner. */
  Outcome confirm(CapacityProvider cp, Gateways gw, String arn) {
    var found = read(cp, gw, arn);
    return found.claim() == Ownership.Claim.OURS ? null : refusal(cp, found.tag());
  }

  /** Records an adoption: the untagged provider now carries this object's owner tag. */
  void adopt(CapacityProvider cp, Gateways gw, String arn) {
    gw.providers().tag(arn, Map.of(Api.OWNER_TAG, owner(cp)));
    verified.put(cp.getMetadata().getUid(), arn);
  }

  /** Whether the provider may be deleted (or released) by this object. */
  boolean deletable(CapacityProvider cp, Map<String, String> tags) {
    var claim = Ownership.claim(tags.get(Api.OWNER_TAG), identity(cp), cp.getMetadata().getUid());
    return claim == Ownership.Claim.OURS || claim == Ownership.Claim.OURS_BY_NAME;
  }

  /** deletionPolicy Retain: the owner tag loses the uid, for the next object of the same name. */
  void release(CapacityProvider cp, Gateways gw, String arn) {
    if (owner(cp).equals(gw.providers().tags(arn).get(Api.OWNER_TAG))) {
      gw.providers().tag(arn, Map.of(Api.OWNER_TAG, identity(cp)));
    }
  }

  Outcome refusal(CapacityProvider cp, String found) {
    if (found == null || found.isBlank()) {
      return Outcome.terminal(
          Reason.NotOwned,
          "a capacity provider named "
              + cp.awsName()
              + " exists in AWS and was not created by this operator; annotate with "
              + Api.ADOPT_ANNOTATION
              + "=\"true\" to adopt it, or set spec.awsName to another name");
    }
    return Outcome.terminal(
        Reason.NotOwned,
        "capacity provider "
            + cp.awsName()
            + " in AWS is owned by "
            + Ownership.describe(found)
            + "; no other object may change, adopt or delete it, whatever its annotations. Set"
            + " spec.awsName to another name, or release it in AWS by removing its "
            + Api.OWNER_TAG
            + " tag");
  }

  String owner(CapacityProvider cp) {
    return ProviderDesired.owner(settings.clusterName(), cp);
  }

  private String identity(CapacityProvider cp) {
    return ProviderDesired.identity(settings.clusterName(), cp);
  }
}
