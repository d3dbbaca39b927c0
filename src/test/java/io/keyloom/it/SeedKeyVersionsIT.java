package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.SeedYaml.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Seed keys with declared versions and rotation (docs/seed-keys.md): two servers on separate data
 * dirs with the same seed hold the same versions, so ciphertexts of every version made on one open
 * on the other; the declared rotation is enforced at every start.
 */
class SeedKeyVersionsIT {
  static final String AES = "7e7bdd27-fe9e-4e6d-8ade-0fb2ce4b1ae6";
  static final byte[] V1 = ClientCrypto.randomBytes(32);
  static final byte[] V2 = ClientCrypto.randomBytes(32);

  static String seed(String... fields) {
    return SeedYaml.seed(key(AES, "versioned", fields));
  }

  static String versions(byte[]... materials) {
    StringBuilder out = new StringBuilder("versions:");
    for (byte[] m : materials) {
      out.append("\n              - ").append(b64(m));
    }
    return out.toString();
  }

  record Client(Http http, String token) {
    static Client of(TestServer server) {
      Http http = new Http(server.endpoint());
      return new Client(
          http,
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT));
    }

    JsonNode call(String operation, String body) {
      Http.Response r = http.kms(token, TestServer.PROJECT_ID, operation, body);
      assertThat(r.status()).as(operation + ": " + r.text()).isEqualTo(200);
      return r.json();
    }

    String encrypt(String plain) {
      String body = "{\"key_id\":\"" + AES + "\",\"plain_text\":\"" + plain + "\"}";
      return call("encrypt-data", body).path("cipher_text").asText();
    }

    String decrypt(String cipher) {
      return call("decrypt-data", "{\"cipher_text\":\"" + cipher + "\"}")
          .path("plain_text")
          .asText();
    }

    JsonNode status() {
      return call("get-key-rotation-status", "{\"key_id\":\"" + AES + "\"}");
    }
  }

  @Test
  void declaredVersions_reproduceCiphertextsOfEveryVersion_acrossDataDirs() {
    String v1Cipher;
    try (TestServer one = TestServer.startWithSeed(seed(versions(V1)))) {
      v1Cipher = Client.of(one).encrypt("made-under-v1");
      assertThat(RotationCalls.versionOfBase64(v1Cipher)).isEqualTo(1);
    }
    String v2Cipher;
    String both = seed(versions(V1, V2), "rotation:", "  interval: 90");
    try (TestServer two = TestServer.startWithSeed(both)) {
      Client c = Client.of(two);
      assertThat(c.decrypt(v1Cipher)).isEqualTo("made-under-v1");
      v2Cipher = c.encrypt("made-under-v2");
      assertThat(RotationCalls.versionOfBase64(v2Cipher)).isEqualTo(2);
      JsonNode status = c.status();
      assertThat(status.path("key_rotation_enabled").asBoolean()).isTrue();
      assertThat(status.path("rotation_interval").asInt()).isEqualTo(90);
      assertThat(status.path("number_of_rotations").asInt()).isEqualTo(1);
    }
    try (TestServer three = TestServer.startWithSeed(both)) {
      Client c = Client.of(three);
      assertThat(c.decrypt(v1Cipher)).isEqualTo("made-under-v1");
      assertThat(c.decrypt(v2Cipher)).isEqualTo("made-under-v2");
    }
  }

  @Test
  void declaredRotation_isEnforcedAtEveryStart_andARotatedKeyStillMatchesItsSeed() {
    String yaml = seed("material: " + b64(V1), "rotation:", "  interval: 30");
    try (TestServer server = TestServer.startWithSeed(yaml)) {
      Client c = Client.of(server);
      String v1Cipher = c.encrypt("first");
      c.call("disable-key-rotation", "{\"key_id\":\"" + AES + "\"}");
      server.restart();
      c = Client.of(server);
      assertThat(c.status().path("key_rotation_enabled").asBoolean()).as("seed wins").isTrue();

      server.stop();
      server.clock().advance(java.time.Duration.ofDays(31));
      server.restart(); // the start-up sweep rotates; the seed's version 1 still matches
      c = Client.of(server);
      assertThat(c.status().path("number_of_rotations").asInt()).isEqualTo(1);
      assertThat(RotationCalls.versionOfBase64(c.encrypt("second"))).isEqualTo(2);
      assertThat(c.decrypt(v1Cipher)).isEqualTo("first");
      server.restart();
      assertThat(Client.of(server).status().path("number_of_rotations").asInt()).isEqualTo(1);
    }
  }

  @Test
  void otherMaterialForADeclaredVersion_stopsTheStart_namingTheVersion() {
    try (TestServer server = TestServer.startWithSeed(seed(versions(V1, V2)))) {
      String changed = seed(versions(V1, ClientCrypto.randomBytes(32)));
      Throwable t = catchThrowable(() -> server.restartWithSeed(changed));
      assertThat(t).isNotNull();
      String message = t.getCause().getMessage();
      assertThat(message)
          .contains("keys[0].versions[1]")
          .contains("other material for version 2")
          .doesNotContain(b64(V2));
      String more = seed(versions(V1, V2, ClientCrypto.randomBytes(32)));
      Throwable added = catchThrowable(() -> server.restartWithSeed(more));
      assertThat(added.getCause().getMessage())
          .contains("keys[0].versions[2]")
          .contains("exists with 2 versions; a seed cannot add one");
    }
  }
}
