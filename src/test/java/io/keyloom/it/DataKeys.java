package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyWithoutPlaintextRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Data-key calls through the official SDK and the client-side values they carry (hex, SHA-256 and
 * SM3 digests), computed with the JDK and Bouncy Castle only.
 */
public final class DataKeys {
  private DataKeys() {}

  /** Lower-case hex. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Decodes hex of either case. */
  public static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** SHA-256 with the JDK. */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** SM3 with Bouncy Castle. */
  public static byte[] sm3(byte[] data) {
    return ClientCrypto.sm3(data);
  }

  /** a ‖ b. */
  public static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A create-datakey body; null arguments stay unset. */
  public static CreateDatakeyRequestBody body(
      String keyId, String spec, String lengthBits, String aad) {
    CreateDatakeyRequestBody body = new CreateDatakeyRequestBody().withKeyId(keyId);
    if (spec != null) {
      body.withKeySpec(CreateDatakeyRequestBody.KeySpecEnum.fromValue(spec));
    }
    return body.withDatakeyLength(lengthBits).withAdditionalAuthenticatedData(aad);
  }

  /** create-datakey. */
  public static CreateDatakeyResponse create(KmsClient client, CreateDatakeyRequestBody body) {
    return client.createDatakey(new CreateDatakeyRequest().withBody(body));
  }

  /** create-datakey-without-plaintext; returns the hex ciphertext. */
  public static String createWithoutPlaintext(KmsClient client, CreateDatakeyRequestBody body) {
    return client
        .createDatakeyWithoutPlaintext(new CreateDatakeyWithoutPlaintextRequest().withBody(body))
        .getCipherText();
  }

  /** encrypt-datakey of {@code plainTextHex} (DEK ‖ digest) with a DEK length in bytes. */
  public static EncryptDatakeyResponse encrypt(
      KmsClient client, String keyId, String plainTextHex, String dekLength, String aad) {
    return client.encryptDatakey(
        new EncryptDatakeyRequest()
            .withBody(
                new EncryptDatakeyRequestBody()
                    .withKeyId(keyId)
                    .withPlainText(plainTextHex)
                    .withDatakeyPlainLength(dekLength)
                    .withAdditionalAuthenticatedData(aad)));
  }

  /** decrypt-datakey of a hex ciphertext with the DEK length in bytes. */
  public static DecryptDatakeyResponse decrypt(
      KmsClient client, String keyId, String cipherHex, String dekLength, String aad) {
    return client.decryptDatakey(
        new DecryptDatakeyRequest()
            .withBody(
                new DecryptDatakeyRequestBody()
                    .withKeyId(keyId)
                    .withCipherText(cipherHex)
                    .withDatakeyCipherLength(dekLength)
                    .withAdditionalAuthenticatedData(aad)));
  }
}
