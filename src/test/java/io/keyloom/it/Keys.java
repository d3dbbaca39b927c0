package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataResponse;
import com.huaweicloud.sdk.kms.v2.model.DisableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataResponse;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ShowPublicKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.SignRequest;
import com.huaweicloud.sdk.kms.v2.model.SignRequestBody;
import com.huaweicloud.sdk.kms.v2.model.SignResponse;
import com.huaweicloud.sdk.kms.v2.model.ValidateSignatureRequest;
import com.huaweicloud.sdk.kms.v2.model.ValidateSignatureResponse;
import com.huaweicloud.sdk.kms.v2.model.VerifyRequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Key set-up and use through the SDK, and public-key parsing with JCA / Bouncy Castle only (never
 * Keyloom's own classes), so that what tests verify against is independent of the server's code
 * path.
 */
public final class Keys {
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private Keys() {}

  /** Creates a key with a unique alias; {@code usage} may be null for the default. */
  public static String create(KmsClient client, String spec, String usage) {
    CreateKeyRequestBody body =
        new CreateKeyRequestBody()
            .withKeyAlias("it-" + spec.toLowerCase() + "-" + SERIAL.incrementAndGet())
            .withKeySpec(CreateKeyRequestBody.KeySpecEnum.fromValue(spec));
    if (usage != null) {
      body.withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.fromValue(usage));
    }
    return client.createKey(new CreateKeyRequest().withBody(body)).getKeyInfo().getKeyId();
  }

  /** Disables a key. */
  public static void disable(KmsClient client, String keyId) {
    client.disableKey(
        new DisableKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)));
  }

  /** The PEM returned by get-publickey. */
  public static String publicKeyPem(KmsClient client, String keyId) {
    return client
        .showPublicKey(
            new ShowPublicKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)))
        .getPublicKey();
  }

  /**
   * Signs {@code payload} (a digest or a raw message, as {@code type} says; null leaves the
   * server's default) and checks that the answer names the key.
   */
  public static byte[] sign(
      KmsClient client, String keyId, String alg, String type, byte[] payload) {
    SignRequestBody body =
        new SignRequestBody()
            .withKeyId(keyId)
            .withSigningAlgorithm(SignRequestBody.SigningAlgorithmEnum.fromValue(alg))
            .withMessage(Base64.getEncoder().encodeToString(payload));
    if (type != null) {
      body.withMessageType(SignRequestBody.MessageTypeEnum.fromValue(type));
    }
    SignResponse r = client.sign(new SignRequest().withBody(body));
    assertThat(r.getKeyId()).isEqualTo(keyId);
    return Base64.getDecoder().decode(r.getSignature());
  }

  /**
   * verify of {@code signature} over {@code payload} (null {@code type} leaves the server's
   * default); checks that the answer names the key and returns {@code signature_valid}.
   */
  public static String verify(
      KmsClient client, String keyId, String alg, String type, byte[] payload, byte[] signature) {
    VerifyRequestBody body =
        new VerifyRequestBody()
            .withKeyId(keyId)
            .withSigningAlgorithm(VerifyRequestBody.SigningAlgorithmEnum.fromValue(alg))
            .withMessage(Base64.getEncoder().encodeToString(payload))
            .withSignature(Base64.getEncoder().encodeToString(signature));
    if (type != null) {
      body.withMessageType(VerifyRequestBody.MessageTypeEnum.fromValue(type));
    }
    ValidateSignatureResponse r =
        client.validateSignature(new ValidateSignatureRequest().withBody(body));
    assertThat(r.getKeyId()).isEqualTo(keyId);
    return r.getSignatureValid();
  }

  /** encrypt-data; a null {@code alg} leaves the encryption algorithm unset. */
  public static EncryptDataResponse encrypt(
      KmsClient client, String keyId, String alg, String plaintext) {
    EncryptDataRequestBody body =
        new EncryptDataRequestBody().withKeyId(keyId).withPlainText(plaintext);
    if (alg != null) {
      body.withEncryptionAlgorithm(EncryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg));
    }
    return client.encryptData(new EncryptDataRequest().withBody(body));
  }

  /** decrypt-data of a Base64 {@code cipherText}; {@code keyId} may be null. */
  public static DecryptDataResponse decrypt(
      KmsClient client, String keyId, String alg, String cipherText) {
    DecryptDataRequestBody body =
        new DecryptDataRequestBody()
            .withKeyId(keyId)
            .withCipherText(cipherText)
            .withEncryptionAlgorithm(DecryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg));
    return client.decryptData(new DecryptDataRequest().withBody(body));
  }

  /** The DER SubjectPublicKeyInfo inside a {@code PUBLIC KEY} PEM. */
  public static byte[] spki(String pem) {
    String b64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(b64);
  }

  /** A JCA public key ({@code "RSA"} or {@code "EC"}) from the PEM. */
  public static PublicKey jca(String algorithm, String pem) {
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki(pem)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError("JCA cannot parse the " + algorithm + " public key PEM", e);
    }
  }

  /** A Bouncy Castle EC public key (SM2 keys, which the JDK providers do not know). */
  public static ECPublicKeyParameters bcEc(String pem) {
    try {
      return (ECPublicKeyParameters) PublicKeyFactory.createKey(spki(pem));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
