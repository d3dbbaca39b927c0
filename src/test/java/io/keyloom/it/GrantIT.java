package io.keyloom.it;

import static io.keyloom.it.GrantCalls.decrypt;
import static io.keyloom.it.GrantCalls.encrypt;
import static io.keyloom.it.GrantCalls.grantDomain;
import static io.keyloom.it.GrantCalls.grantUser;
import static io.keyloom.it.GrantCalls.newKey;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyWithoutPlaintextRequest;
import com.huaweicloud.sdk.kms.v2.model.EnableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Using a key through a grant, via the official SDK (docs/grants.md): across accounts, to a whole
 * account, within an account across regions; exactly the granted operations and nothing more.
 */
class GrantIT {
  static GrantWorld w;

  @BeforeAll
  static void start() {
    w = new GrantWorld();
  }

  @AfterAll
  static void stop() {
    w.close();
  }

  static void assertMissing(Executable call) {
    assertKmsError(call::execute, 404, "KMS.0207");
  }

  static void assertDenied(Executable call) {
    assertKmsError(call::execute, 403, "KMS.0306");
  }

  @Test
  void crossAccountUserGrants_letBobAndAliceUseEachOthersKeys() {
    String alicesKey = newKey(w.alice);
    String bobsKey = newKey(w.bob);
    assertMissing(() -> encrypt(w.bob, alicesKey, "x"));
    grantUser(w.alice, alicesKey, w.bobId, "encrypt-data", "decrypt-data");
    grantUser(w.bob, bobsKey, w.aliceId, "encrypt-data", "decrypt-data");

    String byBob = encrypt(w.bob, alicesKey, "from bob");
    assertThat(decrypt(w.alice, byBob)).isEqualTo("from bob");
    String byAlice = encrypt(w.alice, alicesKey, "from alice");
    assertThat(decrypt(w.bob, byAlice)).isEqualTo("from alice");
    String onBobsKey = encrypt(w.alice, bobsKey, "alice on bob's key");
    assertThat(decrypt(w.bob, onBobsKey)).isEqualTo("alice on bob's key");
    assertMissing(() -> encrypt(w.erin, alicesKey, "x"));
    assertMissing(() -> encrypt(w.dave, alicesKey, "x"));
  }

  @Test
  void aDomainGrant_letsEveryUserOfThatAccount_andNoOtherAccount() {
    String key = newKey(w.alice);
    assertMissing(() -> encrypt(w.erin, key, "x"));
    grantDomain(w.alice, key, GrantWorld.GLOBEX_ID, "encrypt-data", "decrypt-data");

    assertThat(decrypt(w.alice, encrypt(w.bob, key, "bob"))).isEqualTo("bob");
    assertThat(decrypt(w.erin, encrypt(w.alice, key, "erin"))).isEqualTo("erin");
    assertMissing(() -> encrypt(w.dave, key, "x"));
    assertMissing(() -> encrypt(w.carolSouth, key, "x"));
  }

  @Test
  void aSameAccountGrant_letsCarolUseTheKeyFromAnotherRegion() {
    String key = newKey(w.alice);
    assertMissing(() -> encrypt(w.carolSouth, key, "x"));
    grantUser(w.alice, key, w.carolId, "encrypt-data", "decrypt-data");

    assertThat(decrypt(w.carolSouth, encrypt(w.carolSouth, key, "carol"))).isEqualTo("carol");
    // The grant is carol's, not her region's: alice herself in cn-south-1 still sees nothing.
    assertMissing(() -> encrypt(w.aliceSouth, key, "x"));
  }

  @Test
  void aGrantee_getsExactlyTheGrantedOperations() {
    String key = newKey(w.alice);
    String cipher = encrypt(w.alice, key, "secret");
    grantUser(w.alice, key, w.bobId, "encrypt-data");

    assertThat(decrypt(w.alice, encrypt(w.bob, key, "ok"))).isEqualTo("ok");
    assertDenied(() -> decrypt(w.bob, cipher));
    assertDenied(() -> dataKey(w.bob, key));
    assertDenied(() -> dataKeyWithoutPlaintext(w.bob, key));
    assertDenied(() -> LifecycleCalls.describe(w.bob, key));
    assertDenied(() -> grantUser(w.bob, key, w.daveId, "encrypt-data"));
    assertOwnerOnlyOperationsMissing(w.bob, key);
  }

  static void assertOwnerOnlyOperationsMissing(KmsClient grantee, String key) {
    OperateKeyRequestBody id = new OperateKeyRequestBody().withKeyId(key);
    assertMissing(() -> Keys.disable(grantee, key));
    assertMissing(() -> grantee.enableKey(new EnableKeyRequest().withBody(id)));
    assertMissing(() -> LifecycleCalls.schedule(grantee, key, "7"));
    assertMissing(() -> LifecycleCalls.cancel(grantee, key));
    assertMissing(() -> GrantCalls.list(grantee, key, null, null));
    assertMissing(() -> GrantCalls.revoke(grantee, key, "0".repeat(64)));
  }

  @Test
  void everyGrantableOperation_worksForTheGrantee_andDescribeShowsTheOwnersKey() {
    String key = newKey(w.alice);
    grantUser(
        w.alice,
        key,
        w.daveId,
        "create-datakey",
        "create-datakey-without-plaintext",
        "encrypt-datakey",
        "decrypt-datakey",
        "describe-key",
        "encrypt-data",
        "decrypt-data");

    assertThat(decrypt(w.dave, encrypt(w.dave, key, "dave"))).isEqualTo("dave");
    CreateDatakeyResponse dek = dataKey(w.dave, key);
    assertThat(decryptDataKey(w.alice, key, dek.getCipherText())).isEqualTo(dek.getPlainText());
    assertThat(decryptDataKey(w.dave, key, dataKeyWithoutPlaintext(w.dave, key))).hasSize(64);
    String plain = dek.getPlainText();
    String withDigest = plain + DataKeys.hex(DataKeys.sha256(DataKeys.unhex(plain)));
    String wrapped = DataKeys.encrypt(w.dave, key, withDigest, "32", null).getCipherText();
    assertThat(decryptDataKey(w.dave, key, wrapped)).isEqualTo(dek.getPlainText());
    KeyDetails details = LifecycleCalls.describe(w.dave, key);
    assertThat(details.getDomainId()).isEqualTo(TestServer.DOMAIN_ID);
    assertThat(details.getRealm()).isEqualTo(TestServer.PROJECT);
    assertOwnerOnlyOperationsMissing(w.dave, key);
  }

  @Test
  void listKeys_neverListsAGrantedKey() {
    String key = newKey(w.alice);
    grantUser(w.alice, key, w.bobId, "encrypt-data", "describe-key");
    grantDomain(w.alice, key, GrantWorld.GLOBEX_ID, "describe-key");

    ListKeysRequestBody all = new ListKeysRequestBody().withLimit("1000");
    assertThat(LifecycleCalls.list(w.bob, all).getKeys()).doesNotContain(key);
    assertThat(LifecycleCalls.list(w.erin, all).getKeys()).doesNotContain(key);
    assertThat(LifecycleCalls.list(w.alice, all).getKeys()).contains(key);
  }

  @Test
  void aDisabledKey_refusesItsGranteeWith0209_untilEnabled() {
    String key = newKey(w.alice);
    grantUser(w.alice, key, w.bobId, "encrypt-data", "create-grant");
    Keys.disable(w.alice, key);

    assertKmsError(() -> encrypt(w.bob, key, "x"), 400, "KMS.0209");
    assertKmsError(() -> grantUser(w.bob, key, w.daveId, "encrypt-data"), 400, "KMS.0209");
    w.alice.enableKey(new EnableKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(key)));
    assertThat(decrypt(w.alice, encrypt(w.bob, key, "again"))).isEqualTo("again");
  }

  static CreateDatakeyResponse dataKey(KmsClient kms, String key) {
    return kms.createDatakey(
        new CreateDatakeyRequest()
            .withBody(new CreateDatakeyRequestBody().withKeyId(key).withDatakeyLength("256")));
  }

  static String dataKeyWithoutPlaintext(KmsClient kms, String key) {
    return kms.createDatakeyWithoutPlaintext(
            new CreateDatakeyWithoutPlaintextRequest()
                .withBody(new CreateDatakeyRequestBody().withKeyId(key).withDatakeyLength("256")))
        .getCipherText();
  }

  static String decryptDataKey(KmsClient kms, String key, String cipher) {
    return DataKeys.decrypt(kms, key, cipher, "32", null).getDataKey();
  }
}
