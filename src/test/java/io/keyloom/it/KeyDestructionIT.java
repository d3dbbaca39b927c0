package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys past their deletion window are destroyed: not found from their deletion date on, their
 * material and metadata removed by the sweep (or at the next start), with no copy left in the
 * database files. Time moves only through the server's TestClock.
 *
 * <p>Each test runs its own server: moving the server clock days ahead puts the SDK's real-time
 * AK/SK signatures outside the allowed skew, so calls after a move use a token issued at the new
 * time over plain HTTP.
 */
class KeyDestructionIT {
  static final Duration SEVEN_DAYS = Duration.ofDays(7);

  /** Plain HTTP calls with a token issued at the server's current (moved) time. */
  record Caller(Http http, String token) {
    static Caller now(TestServer server) {
      Http http = new Http(server.endpoint());
      return new Caller(
          http,
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT));
    }

    Http.Response call(String operation, String body) {
      return http.kms(token, TestServer.PROJECT_ID, operation, body);
    }

    Http.Response onKey(String operation, String keyId) {
      return call(operation, "{\"key_id\":\"" + keyId + "\"}");
    }
  }

  static String state(Caller caller, String keyId) {
    return caller.onKey("describe-key", keyId).json().path("key_info").path("key_state").asText();
  }

  static void assertGone(Caller caller, String keyId) {
    for (String op : new String[] {"describe-key", "cancel-key-deletion", "enable-key"}) {
      Http.Response r = caller.onKey(op, keyId);
      assertThat(r.status()).as(op).isEqualTo(404);
      assertThat(r.errorCode()).as(op).isEqualTo("KMS.0207");
    }
    Http.Response encrypt =
        caller.call("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"x\"}");
    assertThat(encrypt.errorCode()).isEqualTo("KMS.0207");
  }

  @Test
  void atItsDateTheKeyIsGone_andTheSweepErasesItsMaterial() {
    try (TestServer server = TestServer.start()) {
      KmsClient alice = Sdk.alice(server);
      String keyId =
          LifecycleCalls.create(alice, new CreateKeyRequestBody().withKeyAlias("doomed"));
      String ciphertext = Keys.encrypt(alice, keyId, null, "secret").getCipherText();
      List<String> material = StoreFiles.material(server, keyId);
      assertThat(material).hasSize(1);
      assertThat(StoreFiles.anyFileContains(server, material.get(0))).isTrue();
      LifecycleCalls.schedule(alice, keyId, "7");

      server.clock().advance(SEVEN_DAYS.minusMillis(1));
      assertThat(server.sweepDeletions()).as("one millisecond before its date").isZero();
      assertThat(state(Caller.now(server), keyId)).isEqualTo("4");

      server.clock().advance(Duration.ofMillis(1));
      Caller caller = Caller.now(server);
      assertGone(caller, keyId);
      assertThat(StoreFiles.material(server, keyId)).as("not swept yet").hasSize(1);

      assertThat(server.sweepDeletions()).isEqualTo(1);
      assertThat(StoreFiles.material(server, keyId)).isEmpty();
      assertThat(StoreFiles.keyRows(server, keyId)).isEmpty();
      assertThat(StoreFiles.anyFileContains(server, material.get(0)))
          .as("no copy of the wrapped material in the database file or its log")
          .isFalse();
      assertGone(caller, keyId);
      Http.Response decrypt =
          caller.call("decrypt-data", "{\"cipher_text\":\"" + ciphertext + "\"}");
      assertThat(decrypt.errorCode()).isEqualTo("KMS.0207");
      assertThat(server.sweepDeletions()).as("sweeps are idempotent").isZero();
      assertThat(caller.call("create-key", "{\"key_alias\":\"doomed\"}").status())
          .as("a destroyed key's alias is free again")
          .isEqualTo(200);
    }
  }

  @Test
  void aRestartDestroysKeysThatFellDueWhileTheServerWasDown() {
    try (TestServer server = TestServer.start()) {
      KmsClient alice = Sdk.alice(server);
      String due = LifecycleCalls.create(alice);
      String later = LifecycleCalls.create(alice);
      LifecycleCalls.schedule(alice, due, "7");
      LifecycleCalls.schedule(alice, later, "30");
      server.clock().advance(Duration.ofDays(8));

      server.restart();

      assertThat(StoreFiles.material(server, due)).isEmpty();
      assertThat(StoreFiles.keyRows(server, due)).isEmpty();
      assertThat(StoreFiles.material(server, later)).hasSize(1);
      Caller caller = Caller.now(server);
      assertGone(caller, due);
      assertThat(
              caller
                  .onKey("describe-key", later)
                  .json()
                  .path("key_info")
                  .path("key_state")
                  .asText())
          .isEqualTo("4");
      server.clock().advance(Duration.ofDays(22));
      assertThat(server.sweepDeletions()).isEqualTo(1);
      assertThat(StoreFiles.material(server, later)).isEmpty();
    }
  }

  @Test
  void aScheduleSurvivesARestartBeforeItsDate() {
    try (TestServer server = TestServer.start()) {
      KmsClient alice = Sdk.alice(server);
      String keyId = LifecycleCalls.create(alice);
      LifecycleCalls.schedule(alice, keyId, "7");
      server.restart();
      assertThat(LifecycleCalls.describe(Sdk.alice(server), keyId).getKeyState()).isEqualTo("4");
      server.clock().advance(SEVEN_DAYS);
      assertThat(server.sweepDeletions()).isEqualTo(1);
      assertGone(Caller.now(server), keyId);
    }
  }

  @Test
  void cancelBeforeTheDate_keepsTheKeyAndItsCiphertexts() {
    try (TestServer server = TestServer.start()) {
      KmsClient alice = Sdk.alice(server);
      String keyId = LifecycleCalls.create(alice);
      String ciphertext = Keys.encrypt(alice, keyId, null, "survivor").getCipherText();
      LifecycleCalls.schedule(alice, keyId, "7");
      server.clock().advance(Duration.ofDays(6));
      Caller caller = Caller.now(server);
      Http.Response cancel = caller.onKey("cancel-key-deletion", keyId);
      assertThat(cancel.json().path("key_state").asText()).isEqualTo("3");

      server.clock().advance(Duration.ofDays(30));
      assertThat(server.sweepDeletions()).isZero();
      assertThat(StoreFiles.material(server, keyId)).hasSize(1);
      caller = Caller.now(server);
      assertThat(caller.onKey("enable-key", keyId).status()).isEqualTo(200);
      Http.Response decrypt =
          caller.call("decrypt-data", "{\"cipher_text\":\"" + ciphertext + "\"}");
      assertThat(decrypt.json().path("plain_text").asText()).isEqualTo("survivor");
    }
  }

  @Test
  void cancelAfterTheDate_isTooLateEvenBeforeTheSweep() {
    try (TestServer server = TestServer.start()) {
      String keyId = LifecycleCalls.create(Sdk.alice(server));
      LifecycleCalls.schedule(Sdk.alice(server), keyId, "7");
      server.clock().advance(SEVEN_DAYS);
      Http.Response cancel = Caller.now(server).onKey("cancel-key-deletion", keyId);
      assertThat(cancel.status()).isEqualTo(404);
      assertThat(StoreFiles.keyRows(server, keyId)).as("the sweep has not run").hasSize(1);
      assertThat(server.sweepDeletions()).isEqualTo(1);
    }
  }

  @Test
  void aKeyPastItsDate_noLongerCountsAgainstTheQuota() {
    try (TestServer server = TestServer.start(1)) {
      KmsClient alice = Sdk.alice(server);
      String keyId = LifecycleCalls.create(alice);
      LifecycleCalls.schedule(alice, keyId, "7");
      Caller before = Caller.now(server);
      assertThat(before.call("create-key", "{\"key_alias\":\"second\"}").errorCode())
          .as("a key pending deletion still counts")
          .isEqualTo("KMS.1105");
      server.clock().advance(SEVEN_DAYS);
      Caller after = Caller.now(server);
      assertThat(after.call("create-key", "{\"key_alias\":\"second\"}").status()).isEqualTo(200);
      assertThat(server.sweepDeletions()).isEqualTo(1);
      Http.Response list = after.call("list-keys", "{}");
      assertThat(list.json().path("total").asInt()).isEqualTo(1);
      assertThat(list.json().path("keys").get(0).asText()).isNotEqualTo(keyId);
    }
  }
}
