package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CancelGrantRequest;
import com.huaweicloud.sdk.kms.v2.model.CancelSelfGrantRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateGrantRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateGrantRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListGrantsRequest;
import com.huaweicloud.sdk.kms.v2.model.ListGrantsRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListGrantsResponse;
import com.huaweicloud.sdk.kms.v2.model.ListRetirableGrantsRequest;
import com.huaweicloud.sdk.kms.v2.model.ListRetirableGrantsRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListRetirableGrantsResponse;
import com.huaweicloud.sdk.kms.v2.model.RevokeGrantRequestBody;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The grant operations through the official SDK, one line per call in the grant tests. */
final class GrantCalls {
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private GrantCalls() {}

  /** A new enabled AES-256 key of the client's project. */
  static String newKey(KmsClient kms) {
    String alias = "grant-key-" + SERIAL.incrementAndGet();
    return kms.createKey(
            new CreateKeyRequest().withBody(new CreateKeyRequestBody().withKeyAlias(alias)))
        .getKeyInfo()
        .getKeyId();
  }

  /** Grants {@code grantee} (a user id) the operations on the key; returns the grant id. */
  static String grantUser(KmsClient kms, String keyId, String grantee, String... operations) {
    return create(kms, body(keyId, grantee, operations));
  }

  /** Grants every user of the account {@code domainId} the operations on the key. */
  static String grantDomain(KmsClient kms, String keyId, String domainId, String... operations) {
    return create(
        kms,
        body(keyId, domainId, operations)
            .withGranteePrincipalType(CreateGrantRequestBody.GranteePrincipalTypeEnum.DOMAIN));
  }

  static CreateGrantRequestBody body(String keyId, String grantee, String... operations) {
    return new CreateGrantRequestBody()
        .withKeyId(keyId)
        .withGranteePrincipal(grantee)
        .withOperations(List.of(operations));
  }

  static String create(KmsClient kms, CreateGrantRequestBody body) {
    return kms.createGrant(new CreateGrantRequest().withBody(body)).getGrantId();
  }

  static void revoke(KmsClient kms, String keyId, String grantId) {
    kms.cancelGrant(new CancelGrantRequest().withBody(grantId(keyId, grantId)));
  }

  static void retire(KmsClient kms, String keyId, String grantId) {
    kms.cancelSelfGrant(new CancelSelfGrantRequest().withBody(grantId(keyId, grantId)));
  }

  private static RevokeGrantRequestBody grantId(String keyId, String grantId) {
    return new RevokeGrantRequestBody().withKeyId(keyId).withGrantId(grantId);
  }

  static ListGrantsResponse list(KmsClient kms, String keyId, String limit, String marker) {
    ListGrantsRequestBody body =
        new ListGrantsRequestBody().withKeyId(keyId).withLimit(limit).withMarker(marker);
    return kms.listGrants(new ListGrantsRequest().withBody(body));
  }

  static ListRetirableGrantsResponse retirable(KmsClient kms) {
    return kms.listRetirableGrants(
        new ListRetirableGrantsRequest().withBody(new ListRetirableGrantsRequestBody()));
  }

  /** The grant ids the client's user may retire. */
  static List<String> retirableIds(KmsClient kms) {
    return retirable(kms).getGrants().stream().map(g -> g.getGrantId()).toList();
  }

  static String encrypt(KmsClient kms, String keyId, String plain) {
    return kms.encryptData(
            new EncryptDataRequest()
                .withBody(new EncryptDataRequestBody().withKeyId(keyId).withPlainText(plain)))
        .getCipherText();
  }

  static String decrypt(KmsClient kms, String cipher) {
    return kms.decryptData(
            new DecryptDataRequest().withBody(new DecryptDataRequestBody().withCipherText(cipher)))
        .getPlainText();
  }
}
