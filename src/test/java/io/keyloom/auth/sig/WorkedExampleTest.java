package io.keyloom.auth.sig;

import static io.keyloom.auth.sig.Wire.AK;
import static io.keyloom.auth.sig.Wire.PROJECT;
import static io.keyloom.auth.sig.Wire.SK;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/** The byte-exact worked examples of sdk-auth-protocol.md §5. */
class WorkedExampleTest {
  private static final String BODY =
      "{\"key_id\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\",\"plain_text\":\"hello\"}";
  private static final String SIGNED = "host;user-agent;x-project-id;x-sdk-date";
  private static final String POST_URI = "/v1.0/" + PROJECT + "/kms/encrypt-data";
  private static final String GET_URI =
      "/v1.0/"
          + PROJECT
          + "/kms/aliases?limit=5&key_id=0d0466b0-e727-4d9c-b35d-f84bb474a37f"
          + "&marker=a%20b*%7E%2F%2B";

  static Map<String, String> headers(String algorithm, String signature) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(
        "Authorization",
        algorithm + " Access=" + AK + ", SignedHeaders=" + SIGNED + ", Signature=" + signature);
    h.put("User-Agent", "huaweicloud-usdk-java/3.0");
    h.put("Host", "127.0.0.1:18080");
    h.put("X-Project-Id", PROJECT);
    h.put("X-Sdk-Date", "20240101T000000Z");
    h.put("Content-Type", "application/json;charset=UTF-8");
    h.put("Transfer-Encoding", "chunked");
    return h;
  }

  private static SignedRequest post(String algorithm, String signature) {
    return Wire.request("POST", POST_URI, headers(algorithm, signature), BODY);
  }

  @Test
  void canonicalRequest_ofPostExample_matchesDocByteForByte() throws SignatureException {
    SignedRequest request = post("SDK-HMAC-SHA256", "00");
    AuthorizationHeader auth = AuthorizationHeader.parse(request.header().apply("Authorization"));
    assertThat(CanonicalRequest.build(request, auth))
        .isEqualTo(
            "POST\n/v1.0/"
                + PROJECT
                + "/kms/encrypt-data/\n\nhost:127.0.0.1:18080\n"
                + "user-agent:huaweicloud-usdk-java/3.0\nx-project-id:"
                + PROJECT
                + "\nx-sdk-date:20240101T000000Z\n\n"
                + SIGNED
                + "\n8ccf3d1280816554d4cb94abd82405e03bf273fe979f9847323519c57ebf4e8b");
    assertThat(new String(CanonicalRequest.stringToSign(request, auth, Wire.DATE), UTF8))
        .isEqualTo(
            "SDK-HMAC-SHA256\n20240101T000000Z\n"
                + "47cf6cb18fb6a2b5c8484d22f9130bff1ca53ad0e2b95463c96e71a0517fb5b9");
  }

  @Test
  void verify_postExampleHmacSha256_succeeds() throws SignatureException {
    SignedRequest request =
        post("SDK-HMAC-SHA256", "08d6f049aaf2558488529402fb75bd4b6cf092a9027d320eb88adb43de4c1733");
    assertThat(Wire.verifier().verify(request)).isEqualTo(AK);
  }

  @Test
  void verify_getExampleWithWireEncodedQuery_succeeds() throws SignatureException {
    Map<String, String> h =
        headers(
            "SDK-HMAC-SHA256", "31cf185cd9d183558f2d463ab03fcfd4784ecc3b5dd652a5645bd8008e4cad14");
    h.put("Content-Type", "application/json");
    h.remove("Transfer-Encoding");
    SignedRequest request = Wire.request("GET", GET_URI, h, new byte[0]);
    AuthorizationHeader auth = AuthorizationHeader.parse(h.get("Authorization"));
    assertThat(CanonicalRequest.build(request, auth))
        .contains("\nkey_id=0d0466b0-e727-4d9c-b35d-f84bb474a37f&limit=5&marker=a%20b%2A~%2F%2B\n");
    assertThat(Wire.verifier().verify(request)).isEqualTo(AK);
  }

  @Test
  void verify_postExampleHmacSm3_succeeds() throws SignatureException {
    SignedRequest request =
        post("SDK-HMAC-SM3", "60c5cbcad95e13b39b738ac36eecd79deaac3edc39798aba1839726146570510");
    assertThat(Wire.verifier().verify(request)).isEqualTo(AK);
  }

  @Test
  void verify_postExampleEcdsaP256_succeeds() throws SignatureException {
    SignedRequest request =
        post(
            "SDK-ECDSA-P256-SHA256",
            "3045022002364d3d9fb6e1890b0660aba8f0827c9a80f753b81f0e3fd23a53c0eda5e254022100"
                + "c2171ce6218ced03e94b510b29700a600364cf24850b037cc4e3680528ffe3dc");
    assertThat(Wire.verifier().verify(request)).isEqualTo(AK);
  }

  @Test
  void verify_postExampleSm2Sm3_succeeds() throws SignatureException {
    SignedRequest request =
        post(
            "SDK-SM2-SM3",
            "304502204e0f22c15cb6954b8713d690c180c6c82c575420ec9e649ec1c230bb4cfc9799022100"
                + "f2e65084193c32b56da3a0b809f958435a0d8a8226766990cf8fe797f9733d62");
    assertThat(Wire.verifier().verify(request)).isEqualTo(AK);
  }

  @Test
  void derivedKeys_forExampleCredential_matchDocVectors() {
    assertDerived(
        SigningAlgorithm.ECDSA_P256_SHA256,
        CustomNamedCurves.getByName("secp256r1"),
        "b0ef3e43a549308ab0440d4cfd898aa459e302e378cfb26b35d94cad0b89d660",
        "04c372aeb97ae08f8231cc97c5fc5c84a413054e73131a20d9bc1095e4d5480e6d"
            + "c3a98c06404962838fc53f7bfe0612fda3f6cbfbf47871facb6c0a569e7690dc");
    assertDerived(
        SigningAlgorithm.SM2_SM3,
        GMNamedCurves.getByName("sm2p256v1"),
        "c14b76e081401a0b3fe4fb30f5429c62e42adc34688af0b93389f270eae2d5ea",
        "04cc07b56ec19a1e3866016ef13c3676e9c4e1369456b0d42a2d2a2fb2e0c5545e"
            + "40ae4b36470aea00dd9111142110fe209f8b1184c751684af2a4726ed64e7522");
  }

  private static void assertDerived(
      SigningAlgorithm alg, X9ECParameters curve, String d, String q) {
    byte[] ak = AK.getBytes(UTF8);
    byte[] sk = SK.getBytes(UTF8);
    assertThat(DerivedEcKey.privateScalar(alg, curve.getN(), ak, sk))
        .contains(new BigInteger(d, 16));
    byte[] point = DerivedEcKey.publicKey(alg, ak, sk).orElseThrow().getQ().getEncoded(false);
    assertThat(HexFormat.of().formatHex(point)).isEqualTo(q);
  }

  @Test
  void hmacSha256_ofHuaweiSigningGuideVector_matchesDoc() {
    byte[] sts =
        ("SDK-HMAC-SHA256\n20191115T033655Z\n"
                + "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a")
            .getBytes(UTF8);
    byte[] mac =
        SigningAlgorithm.HMAC_SHA256.hmac(
            "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc".getBytes(UTF8), sts);
    assertThat(HexFormat.of().formatHex(mac))
        .isEqualTo("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
  }

  @Test
  void verify_postExampleWithTamperedBody_failsForEveryAlgorithm() {
    String tampered = BODY.replace("hello", "hellO");
    Map<String, String> sigs =
        Map.of(
            "SDK-HMAC-SHA256", "08d6f049aaf2558488529402fb75bd4b6cf092a9027d320eb88adb43de4c1733",
            "SDK-HMAC-SM3", "60c5cbcad95e13b39b738ac36eecd79deaac3edc39798aba1839726146570510");
    sigs.forEach(
        (alg, sig) ->
            Assertions.assertReason(
                Wire.verifier(),
                Wire.request("POST", POST_URI, headers(alg, sig), tampered),
                SignatureException.Reason.BAD_SIGNATURE));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
