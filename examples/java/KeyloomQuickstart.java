// A complete program with the official Huawei Cloud Java SDK (com.huaweicloud.sdk:huaweicloud-sdk-kms)
// against Keyloom: encrypt and decrypt, sign and verify, a data key out and back.
//
// Run it against `./keyloom serve --seed examples/seed.yaml` (the README's quick start):
//   mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/sdk.classpath
//   java -cp "$(cat target/sdk.classpath)" examples/java/KeyloomQuickstart.java
// Settings (environment, defaults from examples/seed.yaml): KEYLOOM_URL (http://127.0.0.1:8080),
// KEYLOOM_AK, KEYLOOM_SK, KEYLOOM_PROJECT_ID.

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.SignRequest;
import com.huaweicloud.sdk.kms.v2.model.SignRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ValidateSignatureRequest;
import com.huaweicloud.sdk.kms.v2.model.VerifyRequestBody;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

public final class KeyloomQuickstart {
  public static void main(String[] args) {
    KmsClient kms =
        KmsClient.newBuilder()
            .withCredential(
                new BasicCredentials()
                    .withAk(env("KEYLOOM_AK", "ALICEACCESSKEY000001"))
                    .withSk(env("KEYLOOM_SK", "aliceSecretKey0000000000000000000000001"))
                    .withProjectId(env("KEYLOOM_PROJECT_ID", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")))
            .withEndpoints(List.of(env("KEYLOOM_URL", "http://127.0.0.1:8080")))
            .build();
    try {
      String aesKey = createKey(kms, "AES_256", "ENCRYPT_DECRYPT");
      System.out.println("created AES_256 key " + aesKey);
      System.out.println("decrypted: " + roundTrip(kms, aesKey, "hello from the Java SDK"));

      String ecKey = createKey(kms, "EC_P256", "SIGN_VERIFY");
      System.out.println("created EC_P256 key " + ecKey);
      System.out.println("verify: " + signAndVerify(kms, ecKey, "release 1.0"));

      System.out.println("data key: " + dataKeyRoundTrip(kms, aesKey));
    } catch (ServiceResponseException e) {
      System.err.println(
          "Keyloom answered HTTP " + e.getHttpStatusCode() + " " + e.getErrorCode() + ": "
              + e.getErrorMsg());
      System.exit(1);
    }
  }

  static String createKey(KmsClient kms, String spec, String usage) {
    CreateKeyRequestBody body =
        new CreateKeyRequestBody()
            .withKeyAlias("java-example-" + UUID.randomUUID())
            .withKeySpec(CreateKeyRequestBody.KeySpecEnum.fromValue(spec))
            .withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.fromValue(usage));
    return kms.createKey(new CreateKeyRequest().withBody(body)).getKeyInfo().getKeyId();
  }

  static String roundTrip(KmsClient kms, String keyId, String plainText) {
    String cipherText =
        kms.encryptData(
                new EncryptDataRequest()
                    .withBody(
                        new EncryptDataRequestBody().withKeyId(keyId).withPlainText(plainText)))
            .getCipherText();
    return kms.decryptData(
            new DecryptDataRequest()
                .withBody(new DecryptDataRequestBody().withCipherText(cipherText)))
        .getPlainText();
  }

  static String signAndVerify(KmsClient kms, String keyId, String text) {
    String message = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    String signature =
        kms.sign(
                new SignRequest()
                    .withBody(
                        new SignRequestBody()
                            .withKeyId(keyId)
                            .withMessage(message)
                            .withMessageType(SignRequestBody.MessageTypeEnum.RAW)
                            .withSigningAlgorithm(
                                SignRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256)))
            .getSignature();
    String valid =
        kms.validateSignature(
                new ValidateSignatureRequest()
                    .withBody(
                        new VerifyRequestBody()
                            .withKeyId(keyId)
                            .withMessage(message)
                            .withSignature(signature)
                            .withMessageType(VerifyRequestBody.MessageTypeEnum.RAW)
                            .withSigningAlgorithm(
                                VerifyRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256)))
            .getSignatureValid();
    return "true".equals(valid) ? "SIGNATURE_VALID" : "SIGNATURE_INVALID";
  }

  static String dataKeyRoundTrip(KmsClient kms, String keyId) {
    CreateDatakeyResponse created =
        kms.createDatakey(
            new CreateDatakeyRequest()
                .withBody(new CreateDatakeyRequestBody().withKeyId(keyId).withDatakeyLength("256")));
    String decrypted =
        kms.decryptDatakey(
                new DecryptDatakeyRequest()
                    .withBody(
                        new DecryptDatakeyRequestBody()
                            .withKeyId(keyId)
                            .withCipherText(created.getCipherText())
                            .withDatakeyCipherLength("32")))
            .getDataKey();
    return decrypted.equalsIgnoreCase(created.getPlainText())
        ? "decrypted to the same 32 bytes"
        : "MISMATCH";
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
