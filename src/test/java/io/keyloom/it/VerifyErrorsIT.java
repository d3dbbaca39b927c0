package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.ClientCrypto.hash;
import static io.keyloom.it.Keys.verify;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.ValidateSignatureRequest;
import com.huaweicloud.sdk.kms.v2.model.VerifyRequestBody;
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
 * {@code verify} requests Keyloom refuses: the same rules and codes as {@code sign} (SignErrorsIT),
 * plus the signature field itself. A signature that merely does not verify is not among them.
 */
class VerifyErrorsIT extends ServerIT {
  static KmsClient alice;
  static final Map<String, String> KEYS = new HashMap<>();
  static final byte[] SIG = new byte[64];

  @BeforeAll
  static void signingKeys() {
    alice = Sdk.alice(server);
    for (String spec : List.of("RSA_2048", "EC_P256", "EC_P384", "SM2")) {
      KEYS.put(spec, Keys.create(alice, spec, "SIGN_VERIFY"));
    }
  }

  static Http.Response verifyHttp(String fields) {
    return call("verify", "{" + fields + "}");
  }

  static void assertHttpError(Http.Response r, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
  }

  @Test
  void digestOfWrongLength_isKms0329() {
    byte[] sha256 = hash("RSASSA_PSS_SHA_256", "m".getBytes(UTF_8));
    assertKmsError(
        () -> verify(alice, KEYS.get("RSA_2048"), "RSASSA_PSS_SHA_384", "DIGEST", sha256, SIG),
        400,
        "KMS.0329");
    assertKmsError(
        () -> verify(alice, KEYS.get("SM2"), "SM2DSA_SM3", null, new byte[31], SIG),
        400,
        "KMS.0329");
  }

  static Stream<Arguments> algorithmsNotForTheKey() {
    return Stream.of(
        arguments("RSA_2048", "ECDSA_SHA_256"),
        arguments("EC_P256", "RSASSA_PKCS1_V1_5_SHA_256"),
        arguments("EC_P384", "SM2DSA_SM3"),
        arguments("SM2", "ECDSA_SHA_256"));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithmsNotForTheKey")
  void algorithmNotForTheKey_isKms0332(String spec, String alg) {
    byte[] digest = hash(alg, "m".getBytes(UTF_8));
    assertKmsError(
        () -> verify(alice, KEYS.get(spec), alg, "DIGEST", digest, SIG), 400, "KMS.0332");
  }

  @Test
  void wrongKindOfKey_isKms0334OrKms1115() {
    String encryptionKey = Keys.create(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    String aes = Keys.create(alice, "AES_256", null);
    assertKmsError(
        () -> verify(alice, encryptionKey, "RSASSA_PSS_SHA_256", null, new byte[32], SIG),
        400,
        "KMS.0334");
    assertKmsError(
        () -> verify(alice, aes, "ECDSA_SHA_256", null, new byte[32], SIG), 400, "KMS.1115");
  }

  @Test
  void disabledKey_isKms0209() {
    String key = Keys.create(alice, "EC_P256", null);
    Keys.disable(alice, key);
    assertKmsError(
        () -> verify(alice, key, "ECDSA_SHA_256", null, new byte[32], SIG), 400, "KMS.0209");
  }

  @Test
  void keyId_malformedUnknownOrAnotherTenants_isKms0205Or0207() {
    assertKmsError(
        () -> verify(alice, "bad", "ECDSA_SHA_256", null, new byte[32], SIG), 400, "KMS.0205");
    String unknown = UUID.randomUUID().toString();
    assertKmsError(
        () -> verify(alice, unknown, "ECDSA_SHA_256", null, new byte[32], SIG), 404, "KMS.0207");
    VerifyRequestBody body =
        new VerifyRequestBody()
            .withKeyId(KEYS.get("EC_P256"))
            .withSigningAlgorithm(VerifyRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256)
            .withMessage(b64(new byte[32]))
            .withSignature(b64(SIG));
    assertKmsError(
        () -> Sdk.bob(server).validateSignature(new ValidateSignatureRequest().withBody(body)),
        404,
        "KMS.0207");
  }

  @Test
  void sm2WithRawMessage_isKms0308() {
    assertKmsError(
        () -> verify(alice, KEYS.get("SM2"), "SM2DSA_SM3", "RAW", "raw".getBytes(UTF_8), SIG),
        400,
        "KMS.0308");
  }

  @Test
  void rawMessageOver4095Bytes_isKms0308() {
    String key = KEYS.get("EC_P256");
    assertKmsError(
        () -> verify(alice, key, "ECDSA_SHA_256", "RAW", new byte[4096], SIG), 400, "KMS.0308");
    assertThat(verify(alice, key, "ECDSA_SHA_256", "RAW", new byte[4095], SIG)).isEqualTo("false");
  }

  @Test
  void missingFields_areKms0204() {
    String key = "\"key_id\":\"" + KEYS.get("EC_P256") + "\"";
    String message = "\"message\":\"" + b64(new byte[32]) + "\"";
    String signature = "\"signature\":\"" + b64(SIG) + "\"";
    String alg = "\"signing_algorithm\":\"ECDSA_SHA_256\"";
    assertHttpError(verifyHttp(String.join(",", key, message, alg)), "KMS.0204");
    assertHttpError(verifyHttp(String.join(",", key, message, signature)), "KMS.0204");
    assertHttpError(verifyHttp(String.join(",", key, signature, alg)), "KMS.0204");
    assertHttpError(verifyHttp(String.join(",", message, signature, alg)), "KMS.0204");
    assertHttpError(
        verifyHttp(String.join(",", key, message, alg, "\"signature\":\"\"")), "KMS.0204");
  }

  @Test
  void unparsableFields_areKms0308() {
    String key = "\"key_id\":\"" + KEYS.get("EC_P256") + "\"";
    String message = "\"message\":\"" + b64(new byte[32]) + "\"";
    String signature = "\"signature\":\"" + b64(SIG) + "\"";
    String alg = "\"signing_algorithm\":\"ECDSA_SHA_256\"";
    assertHttpError(
        verifyHttp(String.join(",", key, message, alg, "\"signature\":\"*not base64*\"")),
        "KMS.0308");
    assertHttpError(
        verifyHttp(String.join(",", key, signature, alg, "\"message\":\"%%%\"")), "KMS.0308");
    assertHttpError(
        verifyHttp(String.join(",", key, message, signature, "\"signing_algorithm\":\"ECDSA\"")),
        "KMS.0308");
    assertHttpError(
        verifyHttp(String.join(",", key, message, signature, alg, "\"message_type\":\"HASH\"")),
        "KMS.0308");
  }
}
