package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Data keys, key pairs, verify and gen-random meet the key lifecycle: a key pending deletion
 * refuses them with KMS.0210, and once destroyed they answer 404 KMS.0207.
 */
class DataKeyLifecycleIT extends ServerIT {

  @Test
  void pendingDeletion_thenDestroyed_refusesEveryDataKeyOperation() {
    String aes = createKey("{\"key_alias\":\"dk-life-aes\"}");
    String ec =
        createKey(
            "{\"key_alias\":\"dk-life-ec\",\"key_spec\":\"EC_P256\",\"key_usage\":\"SIGN_VERIFY\"}");
    String cipher = field(call("create-datakey", "{\"key_id\":\"" + aes + "\"}"), "cipher_text");
    String signature =
        field(
            call(
                "sign",
                "{\"key_id\":\""
                    + ec
                    + "\",\"message\":\"aGVsbG8=\",\"signing_algorithm\":\"ECDSA_SHA_256\","
                    + "\"message_type\":\"RAW\"}"),
            "signature");
    String[][] operations = {
      {"create-datakey", "{\"key_id\":\"" + aes + "\"}"},
      {"create-datakey-without-plaintext", "{\"key_id\":\"" + aes + "\"}"},
      {
        "decrypt-datakey",
        "{\"key_id\":\""
            + aes
            + "\",\"cipher_text\":\""
            + cipher
            + "\","
            + "\"datakey_cipher_length\":\"32\"}"
      },
      {
        "encrypt-datakey",
        "{\"key_id\":\""
            + aes
            + "\",\"plain_text\":\""
            + "00".repeat(64)
            + "\",\"datakey_plain_length\":\"32\"}"
      },
      {"create-ec-datakey-pair", "{\"key_id\":\"" + aes + "\",\"key_spec\":\"ECC_NIST_P256\"}"},
      {
        "verify",
        "{\"key_id\":\""
            + ec
            + "\",\"message\":\"aGVsbG8=\",\"signature\":\""
            + signature
            + "\",\"signing_algorithm\":\"ECDSA_SHA_256\",\"message_type\":\"RAW\"}"
      },
    };
    schedule(aes);
    schedule(ec);
    for (String[] op : operations) {
      Http.Response r = call(op[0], op[1]);
      assertThat(r.status()).as(op[0] + " " + r.text()).isEqualTo(400);
      assertThat(r.errorCode()).as(op[0]).isEqualTo("KMS.0210");
    }
    try {
      server.clock().advance(Duration.ofDays(8));
      assertThat(server.sweepDeletions()).isEqualTo(2);
      String later =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      for (String[] op : operations) {
        Http.Response r = http.kms(later, TestServer.PROJECT_ID, op[0], op[1]);
        assertThat(r.status()).as(op[0] + " " + r.text()).isEqualTo(404);
        assertThat(r.errorCode()).as(op[0]).isEqualTo("KMS.0207");
      }
      // gen-random needs no key and keeps working.
      assertThat(
              http.kms(
                      later, TestServer.PROJECT_ID, "gen-random", "{\"random_data_length\":\"64\"}")
                  .status())
          .isEqualTo(200);
    } finally {
      server.clock().reset();
    }
  }

  private static String createKey(String body) {
    Http.Response r = call("create-key", body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().at("/key_info/key_id").asText();
  }

  private static void schedule(String keyId) {
    Http.Response r =
        call("schedule-key-deletion", "{\"key_id\":\"" + keyId + "\",\"pending_days\":\"7\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  private static String field(Http.Response r, String name) {
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().get(name).asText();
  }
}
