package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Durability: every key and every old ciphertext survives a restart on the same data dir. */
class RestartIT {
  @Test
  void keysStatesAndCiphertexts_surviveRestart() throws Exception {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.endpoint());
      String token =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      Map<String, String> ciphertexts = new LinkedHashMap<>();
      for (String spec : new String[] {"AES_256", "SM4"}) {
        String keyId =
            http.kms(
                    token,
                    TestServer.PROJECT_ID,
                    "create-key",
                    "{\"key_alias\":\"restart-" + spec + "\",\"key_spec\":\"" + spec + "\"}")
                .json()
                .path("key_info")
                .path("key_id")
                .asText();
        ciphertexts.put(
            keyId,
            http.kms(
                    token,
                    TestServer.PROJECT_ID,
                    "encrypt-data",
                    "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"durable " + spec + "\"}")
                .json()
                .path("cipher_text")
                .asText());
      }
      String rsa =
          http.kms(
                  token,
                  TestServer.PROJECT_ID,
                  "create-key",
                  "{\"key_alias\":\"restart-rsa\",\"key_spec\":\"RSA_2048\"}")
              .json()
              .path("key_info")
              .path("key_id")
              .asText();
      String pem =
          http.kms(token, TestServer.PROJECT_ID, "get-publickey", "{\"key_id\":\"" + rsa + "\"}")
              .json()
              .path("public_key")
              .asText();
      String disabled = ciphertexts.keySet().iterator().next();
      http.kms(token, TestServer.PROJECT_ID, "disable-key", "{\"key_id\":\"" + disabled + "\"}");

      server.restart();

      Http after = new Http(server.endpoint());
      String token2 =
          after.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      assertThat(
              after
                  .kms(token, TestServer.PROJECT_ID, "describe-key", "{\"key_id\":\"" + rsa + "\"}")
                  .status())
          .as("tokens stay valid across restarts")
          .isEqualTo(200);
      assertThat(
              after
                  .kms(
                      token2,
                      TestServer.PROJECT_ID,
                      "describe-key",
                      "{\"key_id\":\"" + disabled + "\"}")
                  .json()
                  .path("key_info")
                  .path("key_state")
                  .asText())
          .isEqualTo("3");
      after.kms(token2, TestServer.PROJECT_ID, "enable-key", "{\"key_id\":\"" + disabled + "\"}");
      for (Map.Entry<String, String> e : ciphertexts.entrySet()) {
        Http.Response r =
            after.kms(
                token2,
                TestServer.PROJECT_ID,
                "decrypt-data",
                "{\"cipher_text\":\"" + e.getValue() + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("plain_text").asText()).startsWith("durable ");
      }
      assertThat(
              after
                  .kms(
                      token2,
                      TestServer.PROJECT_ID,
                      "get-publickey",
                      "{\"key_id\":\"" + rsa + "\"}")
                  .json()
                  .path("public_key")
                  .asText())
          .isEqualTo(pem);
      assertThat(
              after
                  .kms(
                      token2,
                      TestServer.PROJECT_ID,
                      "create-key",
                      "{\"key_alias\":\"restart-rsa\"}")
                  .errorCode())
          .isEqualTo("KMS.1104");
    }
  }
}
