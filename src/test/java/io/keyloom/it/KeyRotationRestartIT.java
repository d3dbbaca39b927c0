package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rotation state is in the store: a key whose rotation fell due while the server was down rotates
 * at start, once (docs/key-rotation.md).
 */
class KeyRotationRestartIT {
  static String kms(Http http, String token, String operation, String body) {
    Http.Response r = http.kms(token, TestServer.PROJECT_ID, operation, body);
    assertThat(r.status()).as(operation + ": " + r.text()).isEqualTo(200);
    return r.text();
  }

  static String login(Http http) {
    return http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
  }

  @Test
  void aRotationDueWhileTheServerWasDown_happensAtStart_once() throws Exception {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.endpoint());
      String token = login(http);
      Http.Response created =
          http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"restart-rot\"}");
      String keyId = created.json().at("/key_info/key_id").asText();
      String key = "{\"key_id\":\"" + keyId + "\"}";
      String encrypt = "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"kept\"}";
      String oldCipher =
          http.kms(token, TestServer.PROJECT_ID, "encrypt-data", encrypt)
              .json()
              .path("cipher_text")
              .asText();
      kms(http, token, "enable-key-rotation", key);

      server.stop();
      server.clock().advance(Duration.ofDays(3 * 365 + 10)); // three intervals missed
      server.restart();

      Http after = new Http(server.endpoint());
      String token2 = login(after);
      Http.Response status =
          after.kms(token2, TestServer.PROJECT_ID, "get-key-rotation-status", key);
      assertThat(status.json().path("number_of_rotations").asInt())
          .as("caught up once at start")
          .isEqualTo(1);
      String newCipher =
          after
              .kms(token2, TestServer.PROJECT_ID, "encrypt-data", encrypt)
              .json()
              .path("cipher_text")
              .asText();
      assertThat(RotationCalls.versionOfBase64(newCipher)).isEqualTo(2);
      String decrypt = "{\"cipher_text\":\"" + oldCipher + "\"}";
      assertThat(
              after
                  .kms(token2, TestServer.PROJECT_ID, "decrypt-data", decrypt)
                  .json()
                  .path("plain_text")
                  .asText())
          .isEqualTo("kept");

      server.restart();
      Http again = new Http(server.endpoint());
      Http.Response status2 =
          again.kms(login(again), TestServer.PROJECT_ID, "get-key-rotation-status", key);
      assertThat(status2.json().path("number_of_rotations").asInt())
          .as("not due again: a second start rotates nothing")
          .isEqualTo(1);
    }
  }
}
