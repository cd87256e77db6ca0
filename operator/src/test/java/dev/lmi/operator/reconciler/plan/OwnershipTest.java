package dev.lmi.operator.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.reconciler.plan.Ownership.Claim;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  private static final String UID = "6f1c2a4e-0b7d-4c1e-9a55-3d2f8e7b1c90";
  private static final String OTHER_UID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
  private static final String ID = Ownership.identity("prod", "LmiFunction", "orders", "list");

  @Test
  void theTagNamesClusterKindNamespaceNameAndUid() {
    assertThat(Ownership.tag(ID, UID)).isEqualTo("prod/LmiFunction/orders/list/" + UID);
    assertThat(Ownership.identity("prod", "CapacityProvider", null, "pool"))
        .isEqualTo("prod/CapacityProvider/pool");
  }

  @Test
  void onlyTheSameObjectOwnsWhatItsTagNames() {
    assertThat(Ownership.claim(Ownership.tag(ID, UID), ID, UID)).isEqualTo(Claim.OURS);
    assertThat(Ownership.claim(null, ID, UID)).isEqualTo(Claim.UNTAGGED);
    assertThat(Ownership.claim(" ", ID, UID)).isEqualTo(Claim.UNTAGGED);
  }

  @Test
  void aTagWithoutUidPassesToTheObjectOfThatName() {
    assertThat(Ownership.claim("prod/LmiFunction/orders/list", ID, UID))
        .isEqualTo(Claim.OURS_BY_NAME);
  }

  @Test
  void anEarlierObjectOfTheSameNameAnotherNamespaceOrAnotherClusterIsAnotherOwner() {
    assertThat(Ownership.claim(Ownership.tag(ID, OTHER_UID), ID, UID)).isEqualTo(Claim.OTHERS);
    assertThat(Ownership.claim("prod/LmiFunction/other/list/" + UID, ID, UID))
        .isEqualTo(Claim.OTHERS);
    assertThat(Ownership.claim("staging/LmiFunction/orders/list/" + UID, ID, UID))
        .isEqualTo(Claim.OTHERS);
    assertThat(Ownership.claim("prod/LmiFunction/orders/list-2", ID, UID)).isEqualTo(Claim.OTHERS);
    // A prefix is not a claim: "list" does not own what "list/..." with another uid names.
    assertThat(Ownership.claim(ID + "/", ID, UID)).isEqualTo(Claim.OTHERS);
  }

  @Test
  void withoutAUidAManifestOwnsWhatTheTagOfAnyObjectOfItsNameNames() {
    // The plan command reads manifests, which have no uid yet.
    assertThat(Ownership.claim(Ownership.tag(ID, OTHER_UID), ID, null)).isEqualTo(Claim.OURS);
    assertThat(Ownership.claim(ID, ID, null)).isEqualTo(Claim.OURS_BY_NAME);
    assertThat(Ownership.claim("prod/LmiFunction/other/list/" + UID, ID, null))
        .isEqualTo(Claim.OTHERS);
    assertThat(Ownership.claim(ID + "/not-a-uid", ID, null)).isEqualTo(Claim.OTHERS);
  }

  @Test
  void theLongestNamesStayWithinAwssLimitAndApart() {
    var cluster = "c".repeat(63);
    var ns = "n".repeat(63);
    var a = Ownership.identity(cluster, "LmiFunction", ns, "a".repeat(253));
    var b = Ownership.identity(cluster, "LmiFunction", ns, "a".repeat(252) + "b");
    assertThat(Ownership.tag(a, UID)).hasSize(Ownership.MAX_TAG_VALUE);
    assertThat(a).isNotEqualTo(b);
    assertThat(Ownership.claim(Ownership.tag(a, UID), b, UID)).isEqualTo(Claim.OTHERS);
  }

  @Test
  void describesTheOwnerForAMessage() {
    assertThat(Ownership.describe(Ownership.tag(ID, UID)))
        .isEqualTo("LmiFunction orders/list (uid " + UID + ", cluster prod)");
    assertThat(Ownership.describe("prod/CapacityProvider/pool/" + UID))
        .isEqualTo("CapacityProvider pool (uid " + UID + ", cluster prod)");
    assertThat(Ownership.describe("prod/LmiFunction/orders/list"))
        .isEqualTo("LmiFunction orders/list (cluster prod)");
    assertThat(Ownership.describe("someone")).isEqualTo("the owner tag lmi.dev/owner=someone");
  }
}
