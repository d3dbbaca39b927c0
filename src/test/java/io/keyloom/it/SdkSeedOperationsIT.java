package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataResponse;
import com.huaweicloud.sdk.kms.v2.model.DisableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EnableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import com.huaweicloud.sdk.kms.v2.model.ListKeyDetailRequest;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ShowPublicKeyRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed operations end to end through the official Huawei SDK with AK/SK signing. */
class SdkSeedOperationsIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  static String createKey(KmsClient client, String alias, String spec, String usage) {
    CreateKeyRequestBody body = new CreateKeyRequestBody().withKeyAlias(alias);
    if (spec != null) {
      body.withKeySpec(CreateKeyRequestBody.KeySpecEnum.fromValue(spec));
    }
    if (usage != null) {
      body.withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.fromValue(usage));
    }
    return client.createKey(new CreateKeyRequest().withBody(body)).getKeyInfo().getKeyId();
  }

  static KeyDetails describe(KmsClient client, String keyId) {
    return client
        .listKeyDetail(
            new ListKeyDetailRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)))
        .getKeyInfo();
  }

  @Test
  void createEncryptDecrypt_roundTripsThroughTheSdk() {
    String keyId = createKey(alice, "sdk-aes", null, null);
    String ct =
        alice
            .encryptData(
                new EncryptDataRequest()
                    .withBody(
                        new EncryptDataRequestBody().withKeyId(keyId).withPlainText("hello world")))
            .getCipherText();
    DecryptDataResponse pt =
        alice.decryptData(
            new DecryptDataRequest().withBody(new DecryptDataRequestBody().withCipherText(ct)));
    assertThat(pt.getPlainText()).isEqualTo("hello world");
    assertThat(pt.getPlainTextBase64()).isEqualTo("aGVsbG8gd29ybGQ=");
    assertThat(pt.getKeyId()).isEqualTo(keyId);
    assertThat(ct).matches("^[0-9a-zA-Z+/=]{188,5648}$");
  }

  @Test
  void describeKey_reportsEveryDetailAsStrings() {
    String keyId = createKey(alice, "sdk-describe", "SM4", null);
    KeyDetails d = describe(alice, keyId);
    assertThat(d.getKeyId()).isEqualTo(keyId);
    assertThat(d.getDomainId()).isEqualTo(TestServer.DOMAIN_ID);
    assertThat(d.getKeyAlias()).isEqualTo("sdk-describe");
    assertThat(d.getRealm()).isEqualTo(TestServer.PROJECT);
    assertThat(d.getKeySpec().getValue()).isEqualTo("SM4");
    assertThat(d.getKeyUsage().getValue()).isEqualTo("ENCRYPT_DECRYPT");
    assertThat(d.getKeyState()).isEqualTo("2");
    assertThat(d.getDefaultKeyFlag()).isEqualTo("0");
    assertThat(d.getOrigin().getValue()).isEqualTo("kms");
    assertThat(Long.parseLong(d.getCreationDate())).isGreaterThan(1_600_000_000_000L);
    assertThat(d.getScheduledDeletionDate()).isEmpty();
  }

  @Test
  void disableAndEnable_changeStateAndGateEncryption() {
    String keyId = createKey(alice, "sdk-states", null, null);
    OperateKeyRequestBody op = new OperateKeyRequestBody().withKeyId(keyId);
    assertThat(alice.disableKey(new DisableKeyRequest().withBody(op)).getKeyInfo().getKeyState())
        .isEqualTo("3");
    assertThatThrownBy(
            () ->
                alice.encryptData(
                    new EncryptDataRequest()
                        .withBody(
                            new EncryptDataRequestBody().withKeyId(keyId).withPlainText("x"))))
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(400);
              assertThat(e.getErrorCode()).isEqualTo("KMS.0209");
              assertThat(e.getRequestId()).isNotBlank();
            });
    assertThatThrownBy(() -> alice.disableKey(new DisableKeyRequest().withBody(op)))
        .isInstanceOfSatisfying(
            ClientRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo("KMS.1301"));
    assertThat(alice.enableKey(new EnableKeyRequest().withBody(op)).getKeyInfo().getKeyState())
        .isEqualTo("2");
    assertThatThrownBy(() -> alice.enableKey(new EnableKeyRequest().withBody(op)))
        .isInstanceOfSatisfying(
            ClientRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo("KMS.1201"));
  }

  @Test
  void getPublicKey_returnsPemForAsymmetricKeysOnly() {
    String rsa = createKey(alice, "sdk-pub-rsa", "RSA_2048", null);
    String pem =
        alice
            .showPublicKey(
                new ShowPublicKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(rsa)))
            .getPublicKey();
    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
    String aes = createKey(alice, "sdk-pub-aes", null, null);
    assertThatThrownBy(
            () ->
                alice.showPublicKey(
                    new ShowPublicKeyRequest()
                        .withBody(new OperateKeyRequestBody().withKeyId(aes))))
        .isInstanceOfSatisfying(
            ClientRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo("KMS.0331"));
  }

  @Test
  void anotherTenantsKey_isNotFound() {
    String keyId = createKey(alice, "sdk-tenancy", null, null);
    KmsClient bob = Sdk.bob(server);
    assertThatThrownBy(() -> describe(bob, keyId))
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(404);
              assertThat(e.getErrorCode()).isEqualTo("KMS.0207");
            });
    KmsClient aliceOtherProject =
        Sdk.client(server, TestServer.AK, TestServer.SK, TestServer.PROJECT_2_ID);
    assertThatThrownBy(() -> describe(aliceOtherProject, keyId))
        .isInstanceOfSatisfying(
            ClientRequestException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(404));
  }

  @Test
  void wrongSecret_isRefusedWith401() {
    KmsClient forged = Sdk.client(server, TestServer.AK, "not-the-secret", TestServer.PROJECT_ID);
    assertThatThrownBy(() -> createKey(forged, "sdk-forged", null, null))
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(401);
              assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
            });
  }

  @Test
  void anotherDomainsProject_isForbidden() {
    KmsClient intruder =
        Sdk.client(server, TestServer.AK, TestServer.SK, TestServer.OTHER_PROJECT_ID);
    assertThatThrownBy(() -> createKey(intruder, "sdk-intruder", null, null))
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(403);
              assertThat(e.getErrorCode()).isEqualTo("KMS.0321");
            });
  }
}
