package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.OAEP_1;
import static io.keyloom.it.ClientCrypto.OAEP_256;
import static io.keyloom.it.ClientCrypto.SM2;
import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.ClientCrypto.randomBytes;
import static io.keyloom.it.Keys.decrypt;
import static io.keyloom.it.Keys.encrypt;
import static io.keyloom.it.KmsErrors.assertKmsError;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Asymmetric {@code encrypt-data} / {@code decrypt-data} that Keyloom must refuse: keys of the
 * wrong spec or usage, mismatched algorithms, garbage and tampered ciphertexts, the wrong OAEP hash
 * or key, a missing key id and additional authenticated data. Tampering must fail as a plain 400,
 * the same for every byte.
 */
class AsymmetricEncryptionErrorsIT extends ServerIT {
  static KmsClient alice;
  static final Map<String, String> KEYS = new HashMap<>();

  @BeforeAll
  static void encryptionKeys() {
    alice = Sdk.alice(server);
    for (String spec : new String[] {"RSA_2048", "RSA_4096", "SM2"}) {
      KEYS.put(spec, Keys.create(alice, spec, "ENCRYPT_DECRYPT"));
    }
  }

  @Test
  void encrypt_withEcKey_isRefusedWithKms1114() {
    String ec = Keys.create(alice, "EC_P256", null);
    assertKmsError(() -> encrypt(alice, ec, OAEP_256, "x"), 400, "KMS.1114");
    assertKmsError(() -> encrypt(alice, ec, SM2, "x"), 400, "KMS.1114");
    assertKmsError(() -> decrypt(alice, ec, OAEP_256, b64(new byte[256])), 400, "KMS.1114");
  }

  @Test
  void createKey_forEcEncryptDecrypt_isRefused() {
    CreateKeyRequestBody body =
        new CreateKeyRequestBody()
            .withKeyAlias("it-ec-encrypt")
            .withKeySpec(CreateKeyRequestBody.KeySpecEnum.EC_P384)
            .withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.ENCRYPT_DECRYPT);
    assertKmsError(() -> alice.createKey(new CreateKeyRequest().withBody(body)), 400, "KMS.1114");
  }

  @Test
  void encryptOrDecrypt_withRsaSignVerifyKey_isKms0335() {
    String rsa = Keys.create(alice, "RSA_2048", "SIGN_VERIFY");
    assertKmsError(() -> encrypt(alice, rsa, OAEP_256, "x"), 400, "KMS.0335");
    assertKmsError(() -> decrypt(alice, rsa, OAEP_256, b64(new byte[256])), 400, "KMS.0335");
  }

  @Test
  void encrypt_withSymmetricDefaultOnRsaKey_isKms2106() {
    String rsa = KEYS.get("RSA_2048");
    assertKmsError(() -> encrypt(alice, rsa, "SYMMETRIC_DEFAULT", "x"), 400, "KMS.2106");
    assertKmsError(() -> encrypt(alice, rsa, null, "x"), 400, "KMS.2106");
    assertKmsError(() -> encrypt(alice, rsa, SM2, "x"), 400, "KMS.2106");
    assertKmsError(() -> encrypt(alice, KEYS.get("SM2"), OAEP_256, "x"), 400, "KMS.2106");
  }

  @Test
  void encrypt_withRsaOaepOnAesKey_isKms2105() {
    String aes = Keys.create(alice, "AES_256", null);
    assertKmsError(() -> encrypt(alice, aes, OAEP_256, "x"), 400, "KMS.2105");
    assertKmsError(() -> encrypt(alice, aes, OAEP_1, "x"), 400, "KMS.2105");
    assertKmsError(() -> encrypt(alice, aes, SM2, "x"), 400, "KMS.2105");
  }

  @Test
  void decrypt_ofGarbageWithTheRightKey_is400() {
    for (String spec : new String[] {"RSA_2048", "RSA_4096"}) {
      String key = KEYS.get(spec);
      for (int length : new int[] {96, 255, 256, 512, 513}) {
        byte[] garbage = randomBytes(length);
        assertKmsError(() -> decrypt(alice, key, OAEP_256, b64(garbage)), 400, null);
      }
      byte[] allOnes = new byte[spec.equals("RSA_2048") ? 256 : 512];
      Arrays.fill(allOnes, (byte) 0xff);
      assertKmsError(() -> decrypt(alice, key, OAEP_256, b64(allOnes)), 400, null);
    }
    String sm2 = KEYS.get("SM2");
    for (int length : new int[] {96, 140, 300}) {
      byte[] garbage = randomBytes(length);
      assertKmsError(() -> decrypt(alice, sm2, SM2, b64(garbage)), 400, null);
    }
  }

  @Test
  void decrypt_ofTamperedRsaCiphertext_is400() {
    String key = KEYS.get("RSA_2048");
    byte[] ciphertext =
        Base64.getDecoder().decode(encrypt(alice, key, OAEP_256, "tamper me").getCipherText());
    for (int i = 0; i < ciphertext.length; i += 7) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      int position = i;
      assertKmsError(
          () -> decrypt(alice, key, OAEP_256, b64(tampered)), 400, null, "byte " + position);
    }
  }

  @Test
  void decrypt_ofTamperedSm2Ciphertext_is400() {
    String key = KEYS.get("SM2");
    byte[] ciphertext =
        Base64.getDecoder()
            .decode(encrypt(alice, key, SM2, "tamper with SM2 as well").getCipherText());
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      int position = i;
      assertKmsError(() -> decrypt(alice, key, SM2, b64(tampered)), 400, null, "byte " + position);
    }
  }

  @Test
  void decrypt_withTheWrongOaepHash_is400() {
    String key = KEYS.get("RSA_2048");
    String sha256 = encrypt(alice, key, OAEP_256, "made with SHA-256").getCipherText();
    assertKmsError(() -> decrypt(alice, key, OAEP_1, sha256), 400, null);
    String sha1 = encrypt(alice, key, OAEP_1, "made with SHA-1").getCipherText();
    assertKmsError(() -> decrypt(alice, key, OAEP_256, sha1), 400, null);
  }

  @Test
  void decrypt_withAnotherKeyOfTheSameSpec_is400() {
    String other = Keys.create(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    String ciphertext =
        encrypt(alice, KEYS.get("RSA_2048"), OAEP_256, "for the first key").getCipherText();
    assertKmsError(() -> decrypt(alice, other, OAEP_256, ciphertext), 400, null);
  }

  @Test
  void decrypt_ofAsymmetricCiphertextWithoutKeyId_isKms0204() {
    String ciphertext =
        encrypt(alice, KEYS.get("RSA_2048"), OAEP_256, "needs key_id").getCipherText();
    assertKmsError(() -> decrypt(alice, null, OAEP_256, ciphertext), 400, "KMS.0204");
  }

  @Test
  void additionalAuthenticatedData_withAsymmetricKey_is400() {
    for (String[] c : new String[][] {{"RSA_2048", OAEP_256}, {"SM2", SM2}}) {
      String key = KEYS.get(c[0]);
      String alg = c[1];
      EncryptDataRequestBody enc =
          new EncryptDataRequestBody()
              .withKeyId(key)
              .withPlainText("with aad")
              .withEncryptionAlgorithm(
                  EncryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg))
              .withAdditionalAuthenticatedData("context");
      assertKmsError(() -> alice.encryptData(new EncryptDataRequest().withBody(enc)), 400, null);

      String ciphertext = encrypt(alice, key, alg, "without aad").getCipherText();
      DecryptDataRequestBody dec =
          new DecryptDataRequestBody()
              .withKeyId(key)
              .withCipherText(ciphertext)
              .withEncryptionAlgorithm(
                  DecryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg))
              .withAdditionalAuthenticatedData("context");
      assertKmsError(() -> alice.decryptData(new DecryptDataRequest().withBody(dec)), 400, null);
    }
  }
}
