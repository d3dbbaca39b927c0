package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of the CreateKey spec, through plain HTTP with a token. */
class CreateKeyIT extends ServerIT {

  static Http.Response create(String body) {
    return call("create-key", body);
  }

  static JsonNode describe(String keyId) {
    Http.Response r =
        http.kms(token, TestServer.PROJECT_ID, "describe-key", "{\"key_id\":\"" + keyId + "\"}");
    assertThat(r.status()).isEqualTo(200);
    return r.json().path("key_info");
  }

  @ParameterizedTest
  @CsvSource({
    "AES_256, ENCRYPT_DECRYPT",
    "SM4, ENCRYPT_DECRYPT",
    "RSA_2048, SIGN_VERIFY",
    "RSA_3072, SIGN_VERIFY",
    "RSA_4096, SIGN_VERIFY",
    "EC_P256, SIGN_VERIFY",
    "EC_P384, SIGN_VERIFY",
    "SM2, SIGN_VERIFY"
  })
  void everySpec_isCreatedWithItsDefaultUsage(String spec, String defaultUsage) {
    Http.Response r = create("{\"key_alias\":\"spec-" + spec + "\",\"key_spec\":\"" + spec + "\"}");
    assertThat(r.status()).isEqualTo(200);
    String keyId = r.json().path("key_info").path("key_id").asText();
    assertThat(keyId).matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    assertThat(r.json().path("key_info").path("domain_id").asText())
        .isEqualTo(TestServer.DOMAIN_ID);
    JsonNode d = describe(keyId);
    assertThat(d.path("key_spec").asText()).isEqualTo(spec);
    assertThat(d.path("key_usage").asText()).isEqualTo(defaultUsage);
    assertThat(d.path("key_state").asText()).isEqualTo("2");
  }

  @Test
  void defaults_areAes256EncryptDecryptOriginKms() {
    Http.Response r = create("{\"key_alias\":\"defaults\"}");
    JsonNode d = describe(r.json().path("key_info").path("key_id").asText());
    assertThat(d.path("key_spec").asText()).isEqualTo("AES_256");
    assertThat(d.path("key_usage").asText()).isEqualTo("ENCRYPT_DECRYPT");
    assertThat(d.path("origin").asText()).isEqualTo("kms");
    assertThat(d.path("key_description").asText()).isEmpty();
    assertThat(d.path("sys_enterprise_project_id").asText()).isEqualTo("0");
  }

  @Test
  void optionalFields_areStored() {
    Http.Response r =
        create(
            "{\"key_alias\":\"with-extras\",\"key_description\":\"d\\u00e9mo\",\"enterprise_project_id\":\"0\","
                + "\"sequence\":\"919c82d4-8046-4722-9094-35c3c6524cff\",\"key_usage\":\"ENCRYPT_DECRYPT\",\"key_spec\":\"RSA_2048\"}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode d = describe(r.json().path("key_info").path("key_id").asText());
    assertThat(d.path("key_description").asText()).isEqualTo("démo");
    assertThat(d.path("key_usage").asText()).isEqualTo("ENCRYPT_DECRYPT");
  }

  @Test
  void externalOrigin_createsAKeyPendingImport() {
    Http.Response r = create("{\"key_alias\":\"byok\",\"origin\":\"external\"}");
    assertThat(r.status()).isEqualTo(200);
    String keyId = r.json().path("key_info").path("key_id").asText();
    assertThat(describe(keyId).path("key_state").asText()).isEqualTo("5");
    assertThat(describe(keyId).path("origin").asText()).isEqualTo("external");
    Http.Response enc =
        http.kms(
            token,
            TestServer.PROJECT_ID,
            "encrypt-data",
            "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"x\"}");
    assertThat(enc.status()).isEqualTo(400);
    for (String spec : new String[] {"SM4", "RSA_2048", "EC_P384", "SM2"}) {
      Http.Response external =
          create(
              "{\"key_alias\":\"byok-%s\",\"origin\":\"external\",\"key_spec\":\"%s\"}"
                  .formatted(spec, spec));
      assertThat(external.status()).as(spec).isEqualTo(200);
      String id = external.json().path("key_info").path("key_id").asText();
      assertThat(describe(id).path("key_state").asText()).as(spec).isEqualTo("5");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad alias", "semi;colon", "ünï", "a/default", "svc/default"})
  void invalidAlias_isKms1101(String alias) {
    Http.Response r = create("{\"key_alias\":\"" + alias + "\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.1101");
  }

  @Test
  void aliasOfMaximumLength_isAcceptedAndOneMoreIsNot() {
    assertThat(create("{\"key_alias\":\"" + "a:/_-".repeat(51) + "\"}").status()).isEqualTo(200);
    assertThat(create("{\"key_alias\":\"" + "b".repeat(256) + "\"}").errorCode())
        .isEqualTo("KMS.1101");
  }

  @Test
  void missingOrEmptyAlias_isKms0204() {
    assertThat(create("{}").errorCode()).isEqualTo("KMS.0204");
    assertThat(create("{\"key_alias\":\"\"}").errorCode()).isEqualTo("KMS.0204");
  }

  @Test
  void duplicateAlias_isKms1104PerProject() {
    assertThat(create("{\"key_alias\":\"dup\"}").status()).isEqualTo(200);
    Http.Response again = create("{\"key_alias\":\"dup\"}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorCode()).isEqualTo("KMS.1104");
    String other =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT_2);
    assertThat(
            http.kms(other, TestServer.PROJECT_2_ID, "create-key", "{\"key_alias\":\"dup\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void descriptionOver255_isKms1103() {
    assertThat(
            create("{\"key_alias\":\"d255\",\"key_description\":\"" + "x".repeat(255) + "\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            create("{\"key_alias\":\"d256\",\"key_description\":\"" + "x".repeat(256) + "\"}")
                .errorCode())
        .isEqualTo("KMS.1103");
  }

  @Test
  void descriptionWithNul_isKms1103_onBothStores_notA500OnPostgres() {
    Http.Response r = create("{\"key_alias\":\"dnul\",\"key_description\":\"a\\u0000b\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.1103");
  }

  @Test
  void wrongUsageForSpec_isRefused() {
    assertThat(
            create("{\"key_alias\":\"u1\",\"key_spec\":\"AES_256\",\"key_usage\":\"SIGN_VERIFY\"}")
                .errorCode())
        .isEqualTo("KMS.1115");
    assertThat(
            create("{\"key_alias\":\"u2\",\"key_spec\":\"SM4\",\"key_usage\":\"SIGN_VERIFY\"}")
                .errorCode())
        .isEqualTo("KMS.1115");
    assertThat(
            create(
                    "{\"key_alias\":\"u3\",\"key_spec\":\"EC_P256\",\"key_usage\":\"ENCRYPT_DECRYPT\"}")
                .errorCode())
        .isEqualTo("KMS.1114");
    assertThat(
            create("{\"key_alias\":\"u4\",\"key_spec\":\"SM2\",\"key_usage\":\"ENCRYPT_DECRYPT\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void unknownEnumValues_areKms0308() {
    assertThat(create("{\"key_alias\":\"e1\",\"key_spec\":\"AES_512\"}").errorCode())
        .isEqualTo("KMS.0308");
    assertThat(create("{\"key_alias\":\"e2\",\"key_usage\":\"WRAP\"}").errorCode())
        .isEqualTo("KMS.0308");
    assertThat(create("{\"key_alias\":\"e3\",\"origin\":\"hsm\"}").errorCode())
        .isEqualTo("KMS.0308");
    assertThat(create("{\"key_alias\":\"e4\",\"enterprise_project_id\":\"bad id!\"}").errorCode())
        .isEqualTo("KMS.0308");
  }

  @Test
  void invalidSequence_isKms0206() {
    assertThat(create("{\"key_alias\":\"s1\",\"sequence\":\"short\"}").errorCode())
        .isEqualTo("KMS.0206");
  }

  @Test
  void describeOfMalformedOrUnknownKey_isKms0205Or0207() {
    Http.Response bad =
        http.kms(token, TestServer.PROJECT_ID, "describe-key", "{\"key_id\":\"nope\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("KMS.0205");
    Http.Response unknown =
        http.kms(
            token,
            TestServer.PROJECT_ID,
            "describe-key",
            "{\"key_id\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("KMS.0207");
  }
}
