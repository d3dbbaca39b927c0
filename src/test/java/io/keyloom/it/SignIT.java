package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.hash;
import static io.keyloom.it.ClientCrypto.jcaVerify;
import static io.keyloom.it.ClientCrypto.sm2Digest;
import static io.keyloom.it.ClientCrypto.sm2Verify;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.SignRequest;
import com.huaweicloud.sdk.kms.v2.model.SignRequestBody;
import com.huaweicloud.sdk.kms.v2.model.SignResponse;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sign} through the official SDK. Every signature is verified outside Keyloom: with the
 * JDK's providers (RSA, ECDSA), the {@code openssl} CLI, and Bouncy Castle's SM2Signer (SM2, with
 * Z_A computed here per GB/T 32918.2).
 */
class SignIT {
  static final List<String> RSA_ALGORITHMS =
      List.of(
          "RSASSA_PSS_SHA_256",
          "RSASSA_PSS_SHA_384",
          "RSASSA_PSS_SHA_512",
          "RSASSA_PKCS1_V1_5_SHA_256",
          "RSASSA_PKCS1_V1_5_SHA_384",
          "RSASSA_PKCS1_V1_5_SHA_512");
  static final List<String> ECDSA_ALGORITHMS =
      List.of("ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512");

  static TestServer server;
  static KmsClient alice;
  static String token;
  static final Map<String, String> SIGNING_KEYS = new HashMap<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    alice = Sdk.alice(server);
    token =
        new Http(server.endpoint())
            .token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    for (String spec : List.of("RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2")) {
      SIGNING_KEYS.put(spec, Keys.create(alice, spec, "SIGN_VERIFY"));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> algorithmsAndMessageTypes() {
    List<Arguments> cases = new ArrayList<>();
    for (String type : List.of("DIGEST", "RAW")) {
      RSA_ALGORITHMS.forEach(alg -> cases.add(arguments("RSA_2048", alg, type)));
      cases.add(arguments("RSA_3072", "RSASSA_PSS_SHA_384", type));
      cases.add(arguments("RSA_4096", "RSASSA_PKCS1_V1_5_SHA_512", type));
      for (String curve : List.of("EC_P256", "EC_P384")) {
        ECDSA_ALGORITHMS.forEach(alg -> cases.add(arguments(curve, alg, type)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1} on {0}, message_type {2}")
  @MethodSource("algorithmsAndMessageTypes")
  void sign_withEveryAlgorithmAndMessageType_verifiesWithJcaOverTheOriginalMessage(
      String spec, String alg, String type) throws GeneralSecurityException {
    byte[] message = ("to be signed with " + alg + " on " + spec + " as " + type).getBytes(UTF_8);
    byte[] payload = type.equals("RAW") ? message : hash(alg, message);

    byte[] signature = sign(SIGNING_KEYS.get(spec), alg, type, payload);

    PublicKey key = Keys.jca(spec.startsWith("RSA") ? "RSA" : "EC", pem(spec));
    assertThat(jcaVerify(alg, key, message, signature)).as("JCA verifies %s", alg).isTrue();
    byte[] other = "a different message".getBytes(UTF_8);
    assertThat(jcaVerify(alg, key, other, signature)).as("control: other message").isFalse();
  }

  @Test
  void sign_withoutMessageType_treatsTheMessageAsADigest() throws GeneralSecurityException {
    byte[] message = "default message type is DIGEST".getBytes(UTF_8);
    byte[] signature =
        sign(SIGNING_KEYS.get("EC_P256"), "ECDSA_SHA_256", null, hash("ECDSA_SHA_256", message));
    assertThat(jcaVerify("ECDSA_SHA_256", Keys.jca("EC", pem("EC_P256")), message, signature))
        .isTrue();
  }

  static Stream<Arguments> opensslCases() {
    return Stream.of(
        arguments("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", "DIGEST"),
        arguments("RSA_2048", "RSASSA_PSS_SHA_256", "RAW"),
        arguments("RSA_3072", "RSASSA_PSS_SHA_384", "DIGEST"),
        arguments("RSA_4096", "RSASSA_PKCS1_V1_5_SHA_512", "RAW"),
        arguments("RSA_2048", "RSASSA_PSS_SHA_512", "DIGEST"),
        arguments("EC_P256", "ECDSA_SHA_256", "DIGEST"),
        arguments("EC_P384", "ECDSA_SHA_384", "RAW"));
  }

  @ParameterizedTest(name = "{1} on {0}, message_type {2}")
  @MethodSource("opensslCases")
  void sign_verifiesWithTheOpensslCli(String spec, String alg, String type)
      throws GeneralSecurityException {
    Assumptions.assumeTrue(OpenSsl.available(), "openssl is not installed");
    byte[] message = ("openssl checks " + alg + " on " + spec).getBytes(UTF_8);
    byte[] signature =
        sign(SIGNING_KEYS.get(spec), alg, type, type.equals("RAW") ? message : hash(alg, message));

    OpenSsl ssl =
        OpenSsl.workspace()
            .write("pub.pem", pem(spec))
            .write("msg.bin", message)
            .write("other.bin", "another message".getBytes(UTF_8))
            .write("sig.bin", signature);
    List<String> args =
        new ArrayList<>(
            List.of("dgst", "-" + ClientCrypto.hashName(alg).replace("-", "").toLowerCase()));
    args.addAll(List.of("-verify", "pub.pem", "-signature", "sig.bin"));
    if (alg.startsWith("RSASSA_PSS")) {
      args.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:-1"));
    }
    OpenSsl.Result ok = ssl.run(withFile(args, "msg.bin"));
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("Verified OK");
    OpenSsl.Result control = ssl.run(withFile(args, "other.bin"));
    assertThat(control.exitCode()).as("control: " + control.output()).isNotZero();
  }

  @Test
  void sign_withSm2DigestOfZaAndMessage_verifiesWithBouncyCastleSm2Signer() {
    ECPublicKeyParameters key = Keys.bcEc(pem("SM2"));
    assertThat(key.getParameters().getCurve())
        .isEqualTo(GMNamedCurves.getByName("sm2p256v1").getCurve());
    byte[] message = "SM2 signs SM3(Z_A || M)".getBytes(UTF_8);

    byte[] signature =
        sign(SIGNING_KEYS.get("SM2"), "SM2DSA_SM3", "DIGEST", sm2Digest(key, message));

    assertThat(sm2Verify(key, message, signature)).isTrue();
    assertThat(sm2Verify(key, "another message".getBytes(UTF_8), signature))
        .as("control")
        .isFalse();
  }

  @Test
  void sign_withSm2_verifiesWithTheOpensslCli() {
    Assumptions.assumeTrue(OpenSsl.available(), "openssl is not installed");
    OpenSsl probe = OpenSsl.workspace();
    Assumptions.assumeTrue(
        probe.run("genpkey", "-algorithm", "SM2", "-out", "probe.pem").exitCode() == 0,
        "this openssl has no SM2");
    String pem = pem("SM2");
    byte[] message = "openssl checks SM2DSA_SM3".getBytes(UTF_8);
    byte[] signature =
        sign(SIGNING_KEYS.get("SM2"), "SM2DSA_SM3", "DIGEST", sm2Digest(Keys.bcEc(pem), message));

    OpenSsl ssl =
        OpenSsl.workspace()
            .write("pub.pem", pem)
            .write("msg.bin", message)
            .write("sig.bin", signature);
    OpenSsl.Result r =
        ssl.run(
            "dgst",
            "-sm3",
            "-verify",
            "pub.pem",
            "-signature",
            "sig.bin",
            "-sigopt",
            "distid:1234567812345678",
            "msg.bin");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("Verified OK");
  }

  @Test
  void sign_withSm2RawMessage_isRefusedWith400() {
    assertKmsError(
        () -> sign(SIGNING_KEYS.get("SM2"), "SM2DSA_SM3", "RAW", "raw SM2".getBytes(UTF_8)),
        400,
        null);
  }

  @Test
  void sign_withDigestOfWrongLength_isKms0329() {
    byte[] sha256 = hash("RSASSA_PSS_SHA_256", "m".getBytes(UTF_8));
    assertKmsError(
        () -> sign(SIGNING_KEYS.get("RSA_2048"), "RSASSA_PSS_SHA_384", "DIGEST", sha256),
        400,
        "KMS.0329");
    assertKmsError(
        () -> sign(SIGNING_KEYS.get("EC_P256"), "ECDSA_SHA_256", "DIGEST", new byte[31]),
        400,
        "KMS.0329");
    assertKmsError(
        () -> sign(SIGNING_KEYS.get("SM2"), "SM2DSA_SM3", "DIGEST", new byte[33]), 400, "KMS.0329");
  }

  @Test
  void sign_withSymmetricKey_isKms1115() {
    String aes = Keys.create(alice, "AES_256", null);
    assertKmsError(() -> sign(aes, "RSASSA_PSS_SHA_256", "DIGEST", new byte[32]), 400, "KMS.1115");
  }

  @Test
  void sign_withEncryptDecryptRsaKey_isKms0334() {
    String rsa = Keys.create(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    assertKmsError(
        () -> sign(rsa, "RSASSA_PKCS1_V1_5_SHA_256", "DIGEST", new byte[32]), 400, "KMS.0334");
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
    assertKmsError(() -> sign(SIGNING_KEYS.get(spec), alg, "DIGEST", digest), 400, "KMS.0332");
  }

  @Test
  void sign_withDisabledKey_isKms0209() {
    String key = Keys.create(alice, "EC_P256", null);
    Keys.disable(alice, key);
    assertKmsError(() -> sign(key, "ECDSA_SHA_256", "DIGEST", new byte[32]), 400, "KMS.0209");
  }

  @Test
  void sign_withUnknownKeyId_is404Kms0207() {
    String unknown = UUID.randomUUID().toString();
    assertKmsError(() -> sign(unknown, "ECDSA_SHA_256", "DIGEST", new byte[32]), 404, "KMS.0207");
  }

  @Test
  void sign_withMalformedKeyId_isKms0205() {
    assertKmsError(
        () -> sign("not-a-key-id", "ECDSA_SHA_256", "DIGEST", new byte[32]), 400, "KMS.0205");
    String upper = SIGNING_KEYS.get("EC_P256").toUpperCase();
    assertKmsError(() -> sign(upper, "ECDSA_SHA_256", "DIGEST", new byte[32]), 400, "KMS.0205");
  }

  @Test
  void sign_withoutMessage_isKms0204() {
    Http.Response r =
        http(
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
    assertKmsError(() -> sign(key, "ECDSA_SHA_256", "RAW", new byte[4096]), 400, null);

    byte[] largest = new byte[4095];
    java.util.Arrays.fill(largest, (byte) 'a');
    byte[] signature = sign(key, "ECDSA_SHA_256", "RAW", largest);
    assertThat(jcaVerify("ECDSA_SHA_256", Keys.jca("EC", pem("EC_P256")), largest, signature))
        .isTrue();
  }

  @Test
  void sign_withUnknownSigningAlgorithmOrMessageType_isKms0308() {
    String digest = Base64.getEncoder().encodeToString(new byte[32]);
    String key = SIGNING_KEYS.get("EC_P256");
    Http.Response badAlgorithm =
        http(
            """
            {"key_id":"%s","message":"%s","signing_algorithm":"ECDSA_SHA_1"}"""
                .formatted(key, digest));
    assertThat(badAlgorithm.status()).as(badAlgorithm.text()).isEqualTo(400);
    assertThat(badAlgorithm.errorCode()).isEqualTo("KMS.0308");
    Http.Response badType =
        http(
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

  /** Signs {@code payload} (a digest or a raw message, as {@code type} says) through the SDK. */
  static byte[] sign(String keyId, String alg, String type, byte[] payload) {
    SignRequestBody body =
        new SignRequestBody()
            .withKeyId(keyId)
            .withSigningAlgorithm(SignRequestBody.SigningAlgorithmEnum.fromValue(alg))
            .withMessage(Base64.getEncoder().encodeToString(payload));
    if (type != null) {
      body.withMessageType(SignRequestBody.MessageTypeEnum.fromValue(type));
    }
    SignResponse r = alice.sign(new SignRequest().withBody(body));
    assertThat(r.getKeyId()).isEqualTo(keyId);
    return Base64.getDecoder().decode(r.getSignature());
  }

  static String pem(String spec) {
    return Keys.publicKeyPem(alice, SIGNING_KEYS.get(spec));
  }

  static Http.Response http(String body) {
    return new Http(server.endpoint()).kms(token, TestServer.PROJECT_ID, "sign", body);
  }

  static String[] withFile(List<String> args, String file) {
    List<String> all = new ArrayList<>(args);
    all.add(file);
    return all.toArray(String[]::new);
  }
}
