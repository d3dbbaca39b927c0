package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refused rotation request over plain HTTP: the documented 4xx code, and the key's rotation
 * settings left as they were (docs/key-rotation.md).
 */
class KeyRotationErrorsIT extends ServerIT {
  static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

  static String create(String extra) {
    String alias = LifecycleCalls.alias("rot-err");
    Http.Response r = call("create-key", "{\"key_alias\":\"" + alias + "\"" + extra + "}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().at("/key_info/key_id").asText();
  }

  static String keyId(String id) {
    return "{\"key_id\":\"" + id + "\"}";
  }

  static JsonNode status(String id) {
    Http.Response r = call("get-key-rotation-status", keyId(id));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json();
  }

  static void assertError(String operation, String body, int status, String code) {
    Http.Response r = call(operation, body);
    assertThat(r.status()).as(operation + " " + body + ": " + r.text()).isEqualTo(status);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
  }

  static void assertOk(String operation, String body) {
    Http.Response r = call(operation, body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"enable-key-rotation", "disable-key-rotation"})
  void asymmetricHmacAndExternalKeys_cannotRotate(String operation) {
    String rsa = create(",\"key_spec\":\"RSA_2048\"");
    assertError(operation, keyId(rsa), 400, "KMS.0324");
    String ec = create(",\"key_spec\":\"EC_P256\",\"key_usage\":\"SIGN_VERIFY\"");
    assertError(operation, keyId(ec), 400, "KMS.0324");
    String hmac = create(",\"key_spec\":\"HMAC_256\"");
    assertError(operation, keyId(hmac), 400, "KMS.0341");
    String external = create(",\"origin\":\"external\"");
    assertError(operation, keyId(external), 400, "KMS.0312");
    String interval = "{\"key_id\":\"" + rsa + "\",\"rotation_interval\":30}";
    assertError("update-key-rotation-interval", interval, 400, "KMS.0324");
    assertThat(status(rsa).path("key_rotation_enabled").asBoolean()).isFalse();
    assertThat(status(external).path("key_rotation_enabled").asBoolean()).isFalse();
  }

  @Test
  void aKeyPendingDeletion_cannotChangeItsRotation_butShowsItsStatus() {
    String id = create("");
    assertOk("enable-key-rotation", keyId(id));
    call("schedule-key-deletion", "{\"key_id\":\"" + id + "\",\"pending_days\":\"7\"}");
    assertError("disable-key-rotation", keyId(id), 400, "KMS.0210");
    assertError("enable-key-rotation", keyId(id), 400, "KMS.0210");
    String interval = "{\"key_id\":\"" + id + "\",\"rotation_interval\":30}";
    assertError("update-key-rotation-interval", interval, 400, "KMS.0210");
    assertThat(status(id).path("key_rotation_enabled").asBoolean()).isTrue();
    assertThat(status(id).path("rotation_interval").asInt()).isEqualTo(365);
  }

  @Test
  void enableTwice_is2901_disableOrUpdateWhileOff_is0313() {
    String id = create("");
    String interval = "{\"key_id\":\"" + id + "\",\"rotation_interval\":90}";
    assertError("disable-key-rotation", keyId(id), 400, "KMS.0313");
    assertError("update-key-rotation-interval", interval, 400, "KMS.0313");
    assertThat(status(id).path("rotation_interval").asInt()).isEqualTo(365);
    assertOk("enable-key-rotation", keyId(id));
    assertError("enable-key-rotation", keyId(id), 400, "KMS.2901");
    assertOk("update-key-rotation-interval", interval);
    assertOk("disable-key-rotation", keyId(id));
    assertError("disable-key-rotation", keyId(id), 400, "KMS.0313");
    JsonNode status = status(id);
    assertThat(status.path("key_rotation_enabled").isBoolean()).isTrue();
    assertThat(status.path("key_rotation_enabled").asBoolean()).isFalse();
    assertThat(status.path("rotation_interval").asInt()).as("kept while off").isEqualTo(90);
    assertThat(status.path("number_of_rotations").isInt()).isTrue();
    assertThat(status.path("last_rotation_time").asText()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "29|KMS.3001",
        "366|KMS.3001",
        "0|KMS.3001",
        "-30|KMS.3001",
        "2147483648|KMS.3001",
        "99999999999999999999999|KMS.3001",
        "\"30\"|KMS.0202",
        "30.0|KMS.0202",
        "30.5|KMS.0202",
        "3e1|KMS.0202",
        "true|KMS.0202",
        "[30]|KMS.0202",
        "null|KMS.0204",
      })
  void badIntervals_areRefused_andLeaveTheIntervalAlone(String value, String code) {
    String id = create("");
    assertOk("enable-key-rotation", keyId(id));
    String body = "{\"key_id\":\"" + id + "\",\"rotation_interval\":" + value + "}";
    assertError("update-key-rotation-interval", body, 400, code);
    assertThat(status(id).path("rotation_interval").asInt()).isEqualTo(365);
  }

  @Test
  void boundaryIntervals_30And365_areAccepted() {
    String id = create("");
    assertOk("enable-key-rotation", keyId(id));
    assertOk(
        "update-key-rotation-interval", "{\"key_id\":\"" + id + "\",\"rotation_interval\":30}");
    assertThat(status(id).path("rotation_interval").asInt()).isEqualTo(30);
    assertOk(
        "update-key-rotation-interval", "{\"key_id\":\"" + id + "\",\"rotation_interval\":365}");
    assertThat(status(id).path("rotation_interval").asInt()).isEqualTo(365);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "enable-key-rotation",
        "disable-key-rotation",
        "get-key-rotation-status",
        "update-key-rotation-interval"
      })
  void badKeyIds_missingFields_unknownKeysAndBadJson(String operation) {
    String days = ",\"rotation_interval\":30";
    assertError(operation, "{\"rotation_interval\":30}", 400, "KMS.0204");
    assertError(operation, "{\"key_id\":\"not-a-uuid\"" + days + "}", 400, "KMS.0205");
    assertError(operation, "{\"key_id\":\"" + UNKNOWN + "\"" + days + "}", 404, "KMS.0207");
    assertError(operation, "{\"key_id\":\"" + UNKNOWN + "\"" + days, 400, "KMS.0202");
    String seq = ",\"sequence\":\"short\"";
    assertError(operation, "{\"key_id\":\"" + UNKNOWN + "\"" + days + seq + "}", 400, "KMS.0206");
    String elsewhere = "{\"key_id\":\"%s\"%s}".formatted(otherProjectsKey(), days);
    assertError(operation, elsewhere, 404, "KMS.0207");
  }

  private static String otherProjectsKey() {
    Http other = new Http(server.endpoint());
    String token2 =
        other.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT_2);
    Http.Response r =
        other.kms(
            token2,
            TestServer.PROJECT_2_ID,
            "create-key",
            "{\"key_alias\":\"" + LifecycleCalls.alias("p2-rot") + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().at("/key_info/key_id").asText();
  }
}
