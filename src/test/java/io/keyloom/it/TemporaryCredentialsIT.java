package io.keyloom.it;

import static io.keyloom.it.IamClients.temporary;
import static io.keyloom.it.IamClients.tokenRequest;
import static io.keyloom.it.IamClients.withTemporary;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.auth.SigningAlgorithm;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.iam.v3.IamClient;
import com.huaweicloud.sdk.iam.v3.model.Credential;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Temporary credentials (POST /v3.0/OS-CREDENTIAL/securitytokens, docs/temporary-credentials.md),
 * driven by the official KMS and IAM SDKs.
 */
class TemporaryCredentialsIT extends ServerIT {
  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void temporaryCredential_fromTheIamSdk_worksWithEverySigningAlgorithm(SigningAlgorithm alg) {
    Credential c = temporary(TestServer.AK, TestServer.SK, 900);
    KmsClient kms = withTemporary(c, TestServer.PROJECT_ID, alg);
    String keyId = SdkSigningIT.createKey(kms, "temporary-" + alg);
    String cipher =
        kms.encryptData(
                new EncryptDataRequest()
                    .withBody(new EncryptDataRequestBody().withKeyId(keyId).withPlainText("tmp")))
            .getCipherText();
    // The permanent key of the same user reads what the temporary one wrote.
    assertThat(
            Sdk.alice(server)
                .decryptData(
                    new DecryptDataRequest()
                        .withBody(new DecryptDataRequestBody().withCipherText(cipher)))
                .getPlainText())
        .isEqualTo("tmp");
  }

  @Test
  void temporaryCredential_hasTheRequestedLifetime_andIsRefusedOnceExpired() {
    // The SDK signs with the real time, so server time may only move within the 15-minute skew:
    // issue at server time "now - 14 min" a 15-minute credential that expires at "now + 1 min".
    server.clock().advance(Duration.ofMinutes(-14));
    try {
      Credential c = temporary(TestServer.AK, TestServer.SK, 900);
      Instant expiresAt = Instant.parse(c.getExpiresAt());
      assertThat(Duration.between(server.clock().instant(), expiresAt))
          .isBetween(Duration.ofSeconds(899), Duration.ofSeconds(900));
      assertThat(c.getAccess()).hasSize(20).isNotEqualTo(TestServer.AK);
      assertThat(c.getSecret()).hasSize(40);
      KmsClient kms = withTemporary(c, TestServer.PROJECT_ID, SigningAlgorithm.HMAC_SHA256);
      server.clock().advance(Duration.ofMinutes(14));
      assertThat(SdkSigningIT.createKey(kms, "temporary-late")).hasSize(36);
      server.clock().advance(Duration.between(server.clock().instant(), expiresAt));
      assertThatThrownBy(() -> SdkSigningIT.createKey(kms, "temporary-expired"))
          .isInstanceOfSatisfying(
              ClientRequestException.class,
              e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(401);
                assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
                assertThat(e.getErrorMsg()).contains("the temporary credential has expired");
              });
    } finally {
      server.clock().reset();
    }
  }

  @Test
  void temporaryCredential_needsItsSecurityToken() {
    Credential c = temporary(TestServer.AK, TestServer.SK, 900);
    KmsClient withoutToken =
        Sdk.client(server, c.getAccess(), c.getSecret(), TestServer.PROJECT_ID);
    assertKmsError(() -> SdkSigningIT.createKey(withoutToken, "no-token"), 401, "APIGW.0301");
    Credential other = temporary(TestServer.AK, TestServer.SK, 900);
    KmsClient mismatched =
        withTemporary(
            new Credential()
                .withAccess(c.getAccess())
                .withSecret(c.getSecret())
                .withSecuritytoken(other.getSecuritytoken()),
            TestServer.PROJECT_ID,
            SigningAlgorithm.HMAC_SHA256);
    assertKmsError(() -> SdkSigningIT.createKey(mismatched, "other-token"), 401, "APIGW.0301");
    KmsClient wrongSecret =
        withTemporary(
            new Credential()
                .withAccess(c.getAccess())
                .withSecret(other.getSecret())
                .withSecuritytoken(c.getSecuritytoken()),
            TestServer.PROJECT_ID,
            SigningAlgorithm.HMAC_SHA256);
    assertKmsError(() -> SdkSigningIT.createKey(wrongSecret, "wrong-secret"), 401, "APIGW.0301");
  }

  @Test
  void temporaryCredential_staysInItsOwnersDomain() {
    Credential c = temporary(TestServer.AK, TestServer.SK, 900);
    KmsClient kms = withTemporary(c, TestServer.OTHER_PROJECT_ID, SigningAlgorithm.HMAC_SHA256);
    assertKmsError(() -> SdkSigningIT.createKey(kms, "tmp-intruder"), 403, "KMS.0321");
  }

  @Test
  void temporaryCredential_survivesARestart() {
    Credential c = temporary(TestServer.OTHER_AK, TestServer.OTHER_SK, 900);
    server.restart();
    http = new Http(server.endpoint());
    KmsClient kms = withTemporary(c, TestServer.OTHER_PROJECT_ID, SigningAlgorithm.HMAC_SM3);
    assertThat(SdkSigningIT.createKey(kms, "after-restart")).hasSize(36);
    token = http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
  }

  @Test
  void temporaryCredential_cannotIssueMoreTemporaryCredentials() {
    Credential c = temporary(TestServer.AK, TestServer.SK, 900);
    IamClient chained =
        IamClient.newBuilder()
            .withCredential(
                new GlobalCredentials()
                    .withAk(c.getAccess())
                    .withSk(c.getSecret())
                    .withSecurityToken(c.getSecuritytoken())
                    .withDomainId(TestServer.DOMAIN_ID))
            .withEndpoints(List.of(server.endpoint()))
            .build();
    assertThatThrownBy(() -> chained.createTemporaryAccessKeyByToken(tokenRequest(900)))
        .isInstanceOfSatisfying(
            ClientRequestException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(403));
  }

  @Test
  void securityToken_byXAuthToken_overPlainHttp() {
    Http.Response r =
        http.post(
            "/v3.0/OS-CREDENTIAL/securitytokens",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"token\":{\"id\":\""
                + token
                + "\",\"duration_seconds\":86400}}}}",
            Map.of("X-Auth-Token", token));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    JsonNode c = r.json().get("credential");
    assertThat(c.get("securitytoken").asText()).startsWith("KLS2.");
    assertThat(c.get("expires_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}\\.\\d{6}Z");
  }

  @Test
  void securityToken_badRequests_areKeystone400s() {
    for (String body :
        List.of(
            "{}",
            "not json",
            "{\"auth\":{\"identity\":{\"methods\":[\"assume_role\"]}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"duration_seconds\":899}}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"token\":{\"duration_seconds\":86401}}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"policy\":{\"Version\":\"1.1\",\"Statement\":[]}}}}")) {
      Http.Response r =
          http.post("/v3.0/OS-CREDENTIAL/securitytokens", body, Map.of("X-Auth-Token", token));
      assertThat(r.status()).as(body + " -> " + r.text()).isEqualTo(400);
      assertThat(r.json().at("/error/code").asInt()).isEqualTo(400);
      assertThat(r.json().at("/error/title").asText()).isEqualTo("Bad Request");
    }
  }

  @Test
  void securityToken_withAnotherUsersTokenInTheBody_isRefused() {
    String bobsToken =
        http.token(
            TestServer.OTHER_DOMAIN,
            TestServer.OTHER_USER,
            TestServer.OTHER_PASSWORD,
            TestServer.PROJECT);
    Http.Response r =
        http.post(
            "/v3.0/OS-CREDENTIAL/securitytokens",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\""
                + bobsToken
                + "\"}}}}",
            Map.of("X-Auth-Token", token));
    assertThat(r.status()).as(r.text()).isEqualTo(401);
  }

  @Test
  void securityToken_needsAuthentication() {
    Http.Response r =
        http.post(
            "/v3.0/OS-CREDENTIAL/securitytokens",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}",
            Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.text()).doesNotContain("KLS2.");
  }
}
