package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.hash;
import static io.keyloom.it.ClientCrypto.jcaVerify;
import static io.keyloom.it.Keys.sign;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.SignRequest;
import com.huaweicloud.sdk.kms.v2.model.SignRequestBody;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sign} requests Keyloom must refuse, through the official SDK and plain HTTP, each with the
 * status and Huawei error code the real KMS answers; the message size limit is checked on both
 * sides of the boundary.
 */
class SignErrorsIT extends ServerIT {
  static KmsClient alice;
  static final Map<String, String> SIGNING_KEYS = new HashMap<>();

  @BeforeAll
  static void signingKeys() {
    alice = Sdk.alice(server);
    for (String spec : List.of("RSA_2048", "EC_P256", "EC_P384", "SM2")) {
      SIGNING_KEYS.put(spec, Keys.create(alice, spec, "SIGN_VERIFY"));
    }
  }

  @Test
  void sign_withSm2RawMessage_isRefusedWith400() {
    assertKmsError(
        () -> sign(alice, SIGNING_KEYS.get("SM2"), "SM2DSA_SM3", "RAW", "raw SM2".getBytes(UTF_8)),
        400,
        null);
  }

  @Test
  void sign_withDigestOfWrongLength_isKms0329() {
    byte[] sha256 = hash("RSASSA_PSS_SHA_256", "m".getBytes(UTF_8));
    assertKmsError(
        () -> sign(alice, SIGNING_KEYS.get("RSA_2048"), "RSASSA_PSS_SHA_384", "DIGEST", sha256),
        400,
        "KMS.0329");
    assertKmsError(
        () -> sign(alice, SIGNING_KEYS.get("EC_P256"), "ECDSA_SHA_256", "DIGEST", new byte[31]),
        400,
        "KMS.0329");
    assertKmsError(
        () -> sign(alice, SIGNING_KEYS.get("SM2"), "SM2DSA_SM3", "DIGEST", new byte[33]),
        400,
        "KMS.0329");
  }

  @Test
  void sign_withSymmetricKey_isKms1115() {
    String aes = Keys.create(alice, "AES_256", null);
    assertKmsError(
        () -> sign(alice, aes, "RSASSA_PSS_SHA_256", "DIGEST", new byte[32]), 400, "KMS.1115");
  }

  @Test
  void sign_withEncryptDecryptRsaKey_isKms0334() {
    String rsa = Keys.create(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    assertKmsError(
        () -> sign(alice, rsa, "RSASSA_PKCS1_V1_5_SHA_256", "DIGEST", new byte[32]),
        400,
        "KMS.0334");
  }

  static Stream<Arguments> algorithmsNotForTheKey() {
    return Stream.of(
        arguments("RSA_2048", "ECDSA_SHA_256"),
        arguments("RSA_2048", "SM2DSA_SM3"),
        arguments("EC_P256", "RSASSA_PSS_SHA_256"),
        arguments("EC_P384", "RSASSA_PKCS1_V1_5_SHA_384"),
        arguments("EC_P256", "SM2DSA_SM3"),
        arguments("SM2", "ECDSA_SHA_256"),
        arguments("SM2", "RSASSA_PSS_SHA_256"));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithmsNotForTheKey")
  void sign_withAlgorithmNotForTheKey_isKms0332(String spec, String alg) {
    byte[] digest = hash(alg, "m".getBytes(UTF_8));
    assertKmsError(
        () -> sign(alice, SIGNING_KEYS.get(spec), alg, "DIGEST", digest), 400, "KMS.0332");
  }

  @Test
  void sign_withDisabledKey_isKms0209() {
    String key = Keys.create(alice, "EC_P256", null);
    Keys.disable(alice, key);
    assertKmsError(
        () -> sign(alice, key, "ECDSA_SHA_256", "DIGEST", new byte[32]), 400, "KMS.0209");
  }

  @Test
  void sign_withUnknownKeyId_is404Kms0207() {
    String unknown = UUID.randomUUID().toString();
    assertKmsError(
        () -> sign(alice, unknown, "ECDSA_SHA_256", "DIGEST", new byte[32]), 404, "KMS.0207");
  }

  @Test
  void sign_withMalformedKeyId_isKms0205() {
    assertKmsError(
        () -> sign(alice, "not-a-key-id", "ECDSA_SHA_256", "DIGEST", new byte[32]),
        400,
        "KMS.0205");
    String upper = SIGNING_KEYS.get("EC_P256").toUpperCase();
    assertKmsError(
        () -> sign(alice, upper, "ECDSA_SHA_256", "DIGEST", new byte[32]), 400, "KMS.0205");
  }

  @Test
  void sign_withoutMessage_isKms0204() {
    Http.Response r =
        call(
            "sign",
            """
            {"key_id":"%s","signing_algorithm":"ECDSA_SHA_256","message_type":"DIGEST"}"""
                .formatted(SIGNING_KEYS.get("EC_P256")));
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.0204");
  }

  @Test
  void sign_withNonBase64Message_isKms0308() {
    SignRequestBody body =
        new SignRequestBody()
            .withKeyId(SIGNING_KEYS.get("EC_P256"))
            .withSigningAlgorithm(SignRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256)
            .withMessage("this is *not* Base64!");
    assertKmsError(() -> alice.sign(new SignRequest().withBody(body)), 400, "KMS.0308");
  }

  @Test
  void sign_withRawMessageOf4096Bytes_is400ButAccepts4095Bytes() throws GeneralSecurityException {
    String key = SIGNING_KEYS.get("EC_P256");
    assertKmsError(() -> sign(alice, key, "ECDSA_SHA_256", "RAW", new byte[4096]), 400, null);

    byte[] largest = new byte[4095];
    Arrays.fill(largest, (byte) 'a');
    byte[] signature = sign(alice, key, "ECDSA_SHA_256", "RAW", largest);
    assertThat(
            jcaVerify(
                "ECDSA_SHA_256", Keys.jca("EC", Keys.publicKeyPem(alice, key)), largest, signature))
        .isTrue();
  }

  @Test
  void sign_withUnknownSigningAlgorithmOrMessageType_isKms0308() {
    String digest = Base64.getEncoder().encodeToString(new byte[32]);
    String key = SIGNING_KEYS.get("EC_P256");
    Http.Response badAlgorithm =
        call(
            "sign",
            """
            {"key_id":"%s","message":"%s","signing_algorithm":"ECDSA_SHA_1"}"""
                .formatted(key, digest));
    assertThat(badAlgorithm.status()).as(badAlgorithm.text()).isEqualTo(400);
    assertThat(badAlgorithm.errorCode()).isEqualTo("KMS.0308");
    Http.Response badType =
        call(
            "sign",
            """
            {"key_id":"%s","message":"%s","signing_algorithm":"ECDSA_SHA_256",\
            "message_type":"HASH"}"""
                .formatted(key, digest));
    assertThat(badType.status()).as(badType.text()).isEqualTo(400);
    assertThat(badType.errorCode()).isEqualTo("KMS.0308");
  }

  @Test
  void sign_withAnotherTenantsKey_is404Kms0207() {
    KmsClient bob = Sdk.bob(server);
    SignRequestBody body =
        new SignRequestBody()
            .withKeyId(SIGNING_KEYS.get("EC_P256"))
            .withSigningAlgorithm(SignRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256)
            .withMessage(Base64.getEncoder().encodeToString(new byte[32]));
    assertKmsError(() -> bob.sign(new SignRequest().withBody(body)), 404, "KMS.0207");
  }
}
