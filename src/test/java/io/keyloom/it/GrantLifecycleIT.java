package io.keyloom.it;

import static io.keyloom.it.GrantCalls.decrypt;
import static io.keyloom.it.GrantCalls.encrypt;
import static io.keyloom.it.GrantCalls.grantUser;
import static io.keyloom.it.GrantCalls.newKey;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateGrantRequestBody;
import com.huaweicloud.sdk.kms.v2.model.Grants;
import com.huaweicloud.sdk.kms.v2.model.ListGrantsResponse;
import com.huaweicloud.sdk.kms.v2.model.Resources;
import com.huaweicloud.sdk.kms.v2.model.ShowUserQuotasRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The life of grants via the official SDK (docs/grants.md): revoke and retire (by each allowed
 * party, refused to others), passing a grant on, listing, the per-key quota, and what happens to
 * grants when their key is destroyed.
 */
class GrantLifecycleIT {
  static GrantWorld w;

  @BeforeAll
  static void start() {
    w = new GrantWorld();
  }

  @AfterAll
  static void stop() {
    w.close();
  }

  @Test
  void revoke_refusesTheGranteesNextCallAtOnce() {
    String key = newKey(w.alice);
    String grant = grantUser(w.alice, key, w.bobId, "encrypt-data");
    encrypt(w.bob, key, "before");

    GrantCalls.revoke(w.alice, key, grant);

    assertKmsError(() -> encrypt(w.bob, key, "after"), 404, "KMS.0207");
    assertKmsError(() -> GrantCalls.revoke(w.alice, key, grant), 400, "KMS.2501");
  }

  @Test
  void theIssuer_retires() {
    String key = newKey(w.alice);
    String grant = grantUser(w.alice, key, w.bobId, "encrypt-data");
    GrantCalls.retire(w.alice, key, grant);
    assertKmsError(() -> encrypt(w.bob, key, "x"), 404, "KMS.0207");
  }

  @Test
  void theRetiringPrincipal_retires_asAUserOrAnAccount() {
    String key = newKey(w.alice);
    String toDave =
        GrantCalls.create(
            w.alice, GrantCalls.body(key, w.bobId, "encrypt-data").withRetiringPrincipal(w.daveId));
    String toInitech =
        GrantCalls.create(
            w.alice,
            GrantCalls.body(key, w.erinId, "encrypt-data")
                .withRetiringPrincipal(GrantWorld.INITECH_ID));
    assertThat(GrantCalls.retirableIds(w.dave)).contains(toDave, toInitech);

    GrantCalls.retire(w.dave, key, toDave);
    GrantCalls.retire(w.dave, key, toInitech);
    assertKmsError(() -> encrypt(w.bob, key, "x"), 404, "KMS.0207");
    assertKmsError(() -> encrypt(w.erin, key, "x"), 404, "KMS.0207");
  }

  @Test
  void theGrantee_retiresOnlyWithRetireGrant() {
    String key = newKey(w.alice);
    String plain = grantUser(w.alice, key, w.bobId, "encrypt-data");
    String retirable = grantUser(w.alice, key, w.erinId, "encrypt-data", "retire-grant");
    assertThat(GrantCalls.retirableIds(w.bob)).doesNotContain(plain);
    assertThat(GrantCalls.retirableIds(w.erin)).contains(retirable);

    assertKmsError(() -> GrantCalls.retire(w.bob, key, plain), 403, "KMS.0306");
    GrantCalls.retire(w.erin, key, retirable);
    assertKmsError(() -> encrypt(w.erin, key, "x"), 404, "KMS.0207");
    encrypt(w.bob, key, "still granted");
  }

  @Test
  void nobodyElse_retires() {
    String key = newKey(w.alice);
    String grant = grantUser(w.alice, key, w.bobId, "encrypt-data");
    // carol, of the key's project but not the issuer: the grant is visible to her, so 0306
    assertKmsError(() -> GrantCalls.retire(w.carolNorth, key, grant), 403, "KMS.0306");
    // erin (bob's account but not the grantee) and dave know nothing of it
    assertKmsError(() -> GrantCalls.retire(w.erin, key, grant), 400, "KMS.2501");
    assertKmsError(() -> GrantCalls.retire(w.dave, key, grant), 400, "KMS.2501");
    assertThat(GrantCalls.retirableIds(w.carolNorth)).doesNotContain(grant);
    encrypt(w.bob, key, "still granted");
  }

  @Test
  void aGranteeWithCreateGrant_passesOnASubset_butNotMore() {
    String key = newKey(w.alice);
    grantUser(w.alice, key, w.bobId, "create-grant", "encrypt-data", "decrypt-data");

    String passed = grantUser(w.bob, key, w.daveId, "encrypt-data");
    assertThat(decrypt(w.alice, encrypt(w.dave, key, "dave"))).isEqualTo("dave");
    assertKmsError(
        () -> grantUser(w.bob, key, w.daveId, "encrypt-data", "describe-key"), 403, "KMS.0306");
    assertKmsError(() -> grantUser(w.dave, key, w.erinId, "encrypt-data"), 403, "KMS.0306");
    Grants listed = grant(GrantCalls.list(w.alice, key, null, null), passed);
    assertThat(listed.getIssuingPrincipal()).isEqualTo(w.bobId);
    GrantCalls.retire(w.bob, key, passed);
    assertKmsError(() -> encrypt(w.dave, key, "x"), 404, "KMS.0207");
  }

  @Test
  void listGrants_hasTheSdkShape_andPages() {
    String key = newKey(w.alice);
    String first =
        GrantCalls.create(
            w.alice,
            GrantCalls.body(key, w.bobId, "decrypt-data", "encrypt-data", "encrypt-data")
                .withName("first-grant")
                .withRetiringPrincipal(w.daveId));
    String domain = GrantCalls.grantDomain(w.alice, key, GrantWorld.GLOBEX_ID, "describe-key");
    grantUser(w.alice, key, w.carolId, "encrypt-data");

    ListGrantsResponse page1 = GrantCalls.list(w.alice, key, "2", null);
    assertThat(page1.getGrants()).hasSize(2);
    assertThat(page1.getTotal()).isEqualTo(3);
    assertThat(page1.getTruncated()).isEqualTo(ListGrantsResponse.TruncatedEnum.TRUE);
    ListGrantsResponse page2 = GrantCalls.list(w.alice, key, "2", page1.getNextMarker());
    assertThat(page2.getGrants()).hasSize(1);
    assertThat(page2.getTruncated()).isEqualTo(ListGrantsResponse.TruncatedEnum.FALSE);
    assertThat(page2.getNextMarker()).isEmpty();

    Grants g = grant(all(key), first);
    assertThat(g.getGrantId()).matches("[0-9a-f]{64}");
    assertThat(g.getKeyId()).isEqualTo(key);
    assertThat(g.getGranteePrincipal()).isEqualTo(w.bobId);
    assertThat(g.getGranteePrincipalType()).isEqualTo(Grants.GranteePrincipalTypeEnum.USER);
    assertThat(g.getOperations()).containsExactly("encrypt-data", "decrypt-data");
    assertThat(g.getIssuingPrincipal()).isEqualTo(w.aliceId);
    assertThat(g.getCreationDate()).matches("[0-9]{13}");
    assertThat(g.getName()).isEqualTo("first-grant");
    assertThat(g.getRetiringPrincipal()).isEqualTo(w.daveId);
    ListGrantsResponse all = GrantCalls.list(w.alice, key, null, null);
    assertThat(grant(all, domain).getGranteePrincipalType())
        .isEqualTo(Grants.GranteePrincipalTypeEnum.DOMAIN);
    List<String> paged = new java.util.ArrayList<>();
    page1.getGrants().forEach(x -> paged.add(x.getGrantId()));
    page2.getGrants().forEach(x -> paged.add(x.getGrantId()));
    assertThat(all.getGrants()).extracting(Grants::getGrantId).containsExactlyElementsOf(paged);
  }

  static ListGrantsResponse all(String key) {
    return GrantCalls.list(w.alice, key, null, null);
  }

  static Grants grant(ListGrantsResponse list, String grantId) {
    return list.getGrants().stream()
        .filter(g -> g.getGrantId().equals(grantId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void userQuotas_reportTheMostGrantsOnOneKeyOfTheProject() {
    // Only this test creates keys in alice's cn-south-1.
    assertThat(grantQuota(w.aliceSouth).getUsed()).isZero();
    String busy = newKey(w.aliceSouth);
    String quiet = newKey(w.aliceSouth);
    grantUser(w.aliceSouth, busy, w.bobId, "encrypt-data");
    grantUser(w.aliceSouth, busy, w.daveId, "encrypt-data");
    grantUser(w.aliceSouth, quiet, w.daveId, "encrypt-data");

    Resources quota = grantQuota(w.aliceSouth);
    assertThat(quota.getUsed()).isEqualTo(2);
    assertThat(quota.getQuota()).isEqualTo(100);
    assertThat(grantQuota(w.dave).getUsed()).isZero();
  }

  static Resources grantQuota(KmsClient kms) {
    List<Resources> all =
        kms.showUserQuotas(new ShowUserQuotasRequest()).getQuotas().getResources();
    return all.stream()
        .filter(r -> r.getType() == Resources.TypeEnum.GRANT_PER_CMK)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aDestroyedKey_takesItsGrantsWithIt() {
    String key = newKey(w.alice);
    String grant = grantUser(w.alice, key, w.bobId, "encrypt-data", "retire-grant");
    LifecycleCalls.schedule(w.alice, key, "7");
    assertKmsError(() -> encrypt(w.bob, key, "x"), 400, "KMS.0210");
    assertKmsError(
        () ->
            GrantCalls.create(
                w.alice,
                new CreateGrantRequestBody()
                    .withKeyId(key)
                    .withGranteePrincipal(w.daveId)
                    .withOperations(List.of("encrypt-data"))),
        400,
        "KMS.0210");

    w.server.clock().advance(Duration.ofDays(8));
    try {
      assertThat(w.server.sweepDeletions()).isEqualTo(1);
    } finally {
      // back to real time, which the SDK signs requests with
      w.server.clock().reset();
    }

    assertKmsError(() -> encrypt(w.bob, key, "x"), 404, "KMS.0207");
    assertThat(GrantCalls.retirableIds(w.bob)).doesNotContain(grant);
  }
}
