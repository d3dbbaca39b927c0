package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.SeedYaml.key;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.GenerateMacResponse;
import com.huaweicloud.sdk.kms.v2.model.VerifyMacResponse;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * generate-mac and verify-mac with seeded HMAC keys of known material, for all four specs, through
 * the official SDK and plain HTTP: the server's MACs equal the JDK's {@code Mac} and Bouncy
 * Castle's {@code HMac(SM3Digest)} over the same key bytes (docs/hmac-keys.md).
 */
class MacIT {
  static final Map<String, String> IDS =
      Map.of(
          "HMAC_256", "7e7bdd27-fe9e-4e6d-8ade-0b2c3e4b1ae6",
          "HMAC_384", "8f8cee38-0faf-4f7e-9bef-1c3d4f5c2bf7",
          "HMAC_512", "9a9dff49-1aba-4a8f-8caf-2d4e5a6d3ca8",
          "HMAC_SM3", "a0aeaa5a-2bcb-4b9a-9dba-3e5f6b7e4db9");
  static final Map<String, byte[]> MATERIAL = new LinkedHashMap<>();
  static final byte[][] MESSAGES = {
    {0}, "an HMAC'd message".getBytes(UTF_8), ClientCrypto.randomBytes(4096)
  };

  static TestServer server;
  static Http http;
  static String token;
  static KmsClient alice;

  @BeforeAll
  static void start() {
    String[] keys = new String[IDS.size()];
    int i = 0;
    for (String spec : IDS.keySet()) {
      MATERIAL.put(spec, ClientCrypto.randomBytes(Macs.LENGTH.get(spec)));
      keys[i++] =
          key(
              IDS.get(spec),
              "seed-" + spec.toLowerCase(),
              "spec: " + spec,
              "material: " + b64(MATERIAL.get(spec)));
    }
    server = TestServer.startWithSeed(SeedYaml.seed(keys));
    http = new Http(server.endpoint());
    token = http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    alice = Sdk.alice(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode call(String op, String body) {
    Http.Response r = http.kms(token, TestServer.PROJECT_ID, op, body);
    assertThat(r.status()).as(op + " " + r.text()).isEqualTo(200);
    return r.json();
  }

  @Test
  void generateMac_throughTheSdk_equalsJdkAndBouncyCastleHmac() throws Exception {
    for (String spec : IDS.keySet()) {
      String alg = Macs.ALGORITHM.get(spec);
      for (byte[] message : MESSAGES) {
        GenerateMacResponse r = Macs.generate(alice, IDS.get(spec), alg, message);
        byte[] expected = Macs.expected(spec, MATERIAL.get(spec), message);
        assertThat(r.getMac()).as(spec).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(r.getKeyId()).isEqualTo(IDS.get(spec));
        assertThat(r.getMacAlgorithm()).isEqualTo(alg);
      }
    }
  }

  @Test
  void verifyMac_throughTheSdk_acceptsTheRightMacInEitherCase_andRejectsAnyOther()
      throws Exception {
    byte[] message = "verify me".getBytes(UTF_8);
    for (String spec : IDS.keySet()) {
      String alg = Macs.ALGORITHM.get(spec);
      String id = IDS.get(spec);
      byte[] right = Macs.expected(spec, MATERIAL.get(spec), message);
      String hex = HexFormat.of().formatHex(right);
      VerifyMacResponse ok = Macs.verify(alice, id, alg, message, hex);
      assertThat(ok.getMacValid()).as(spec).isTrue();
      assertThat(ok.getKeyId()).isEqualTo(id);
      assertThat(ok.getMacAlgorithm()).isEqualTo(alg);
      assertThat(Macs.verify(alice, id, alg, message, hex.toUpperCase()).getMacValid()).isTrue();
      byte[] flipped = right.clone();
      flipped[0] ^= 1;
      String bad = HexFormat.of().formatHex(flipped);
      assertThat(Macs.verify(alice, id, alg, message, bad).getMacValid()).as(spec).isFalse();
      assertThat(Macs.verify(alice, id, alg, message, hex.substring(2)).getMacValid()).isFalse();
      assertThat(Macs.verify(alice, id, alg, "other".getBytes(UTF_8), hex).getMacValid()).isFalse();
    }
  }

  @Test
  void generateAndVerifyMac_overPlainHttp_haveHexMacAndBooleanMacValid() throws Exception {
    byte[] message = "plain HTTP".getBytes(UTF_8);
    for (String spec : IDS.keySet()) {
      String alg = Macs.ALGORITHM.get(spec);
      JsonNode g =
          call(
              "generate-mac",
              "{\"key_id\":\"%s\",\"mac_algorithm\":\"%s\",\"message\":\"%s\"}"
                  .formatted(IDS.get(spec), alg, b64(message)));
      String expected = HexFormat.of().formatHex(Macs.expected(spec, MATERIAL.get(spec), message));
      assertThat(g.path("mac").asText()).as(spec).isEqualTo(expected);
      assertThat(g.path("mac_algorithm").asText()).isEqualTo(alg);
      assertThat(g.size()).isEqualTo(3);
      JsonNode v =
          call(
              "verify-mac",
              "{\"key_id\":\"%s\",\"mac_algorithm\":\"%s\",\"message\":\"%s\",\"mac\":\"%s\"}"
                  .formatted(IDS.get(spec), alg, b64(message), expected));
      assertThat(v.path("mac_valid").isBoolean()).as(v.toString()).isTrue();
      assertThat(v.path("mac_valid").booleanValue()).isTrue();
      assertThat(v.path("key_id").asText()).isEqualTo(IDS.get(spec));
    }
  }

  @Test
  void seededHmacKeys_describeAsHmacKeys() {
    for (String spec : IDS.keySet()) {
      JsonNode k = call("describe-key", "{\"key_id\":\"" + IDS.get(spec) + "\"}").path("key_info");
      assertThat(k.path("key_spec").asText()).isEqualTo(spec);
      assertThat(k.path("key_usage").asText()).isEqualTo("GENERATE_VERIFY_MAC");
      assertThat(k.path("key_type").asText()).isEqualTo("3");
      assertThat(k.path("origin").asText()).isEqualTo("kms");
    }
  }

  @Test
  void createdHmacKey_macsVerifyAndDifferFromAnotherKeys() {
    byte[] message = "fresh key".getBytes(UTF_8);
    for (String spec : IDS.keySet()) {
      String alg = Macs.ALGORITHM.get(spec);
      String a = Keys.create(alice, spec, null);
      String b = Keys.create(alice, spec, "GENERATE_VERIFY_MAC");
      String macA = Macs.generate(alice, a, alg, message).getMac();
      assertThat(macA).hasSize(2 * Macs.LENGTH.get(spec));
      assertThat(Macs.generate(alice, a, alg, message).getMac()).isEqualTo(macA);
      assertThat(Macs.verify(alice, a, alg, message, macA).getMacValid()).isTrue();
      assertThat(Macs.generate(alice, b, alg, message).getMac()).isNotEqualTo(macA);
      assertThat(Macs.verify(alice, b, alg, message, macA).getMacValid()).isFalse();
    }
  }
}
