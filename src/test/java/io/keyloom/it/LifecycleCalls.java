package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CancelKeyDeletionRequest;
import com.huaweicloud.sdk.kms.v2.model.CancelKeyDeletionResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DeleteKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.DeleteKeyResponse;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import com.huaweicloud.sdk.kms.v2.model.ListKeyDetailRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKeysResponse;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ScheduleKeyDeletionRequestBody;
import java.util.concurrent.atomic.AtomicInteger;

/** Key lifecycle calls through the official SDK, as an application would make them. */
final class LifecycleCalls {
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private LifecycleCalls() {}

  /** A fresh alias no other test uses. */
  static String alias(String prefix) {
    return prefix + "-" + SERIAL.incrementAndGet() + "-" + System.nanoTime();
  }

  /** Creates a key from a prepared body, giving it a fresh alias when it has none. */
  static String create(KmsClient client, CreateKeyRequestBody body) {
    if (body.getKeyAlias() == null) {
      body.withKeyAlias(alias("lc"));
    }
    return client.createKey(new CreateKeyRequest().withBody(body)).getKeyInfo().getKeyId();
  }

  /** Creates an AES_256 key with a fresh alias. */
  static String create(KmsClient client) {
    return create(client, new CreateKeyRequestBody());
  }

  static KeyDetails describe(KmsClient client, String keyId) {
    return client
        .listKeyDetail(
            new ListKeyDetailRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)))
        .getKeyInfo();
  }

  /** schedule-key-deletion ({@code DeleteKey} in the SDK). */
  static DeleteKeyResponse schedule(KmsClient client, String keyId, String pendingDays) {
    return client.deleteKey(
        new DeleteKeyRequest()
            .withBody(
                new ScheduleKeyDeletionRequestBody()
                    .withKeyId(keyId)
                    .withPendingDays(pendingDays)));
  }

  static CancelKeyDeletionResponse cancel(KmsClient client, String keyId) {
    return client.cancelKeyDeletion(
        new CancelKeyDeletionRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)));
  }

  static ListKeysResponse list(KmsClient client, ListKeysRequestBody body) {
    return client.listKeys(new ListKeysRequest().withBody(body));
  }
}
