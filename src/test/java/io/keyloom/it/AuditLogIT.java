package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail (docs/audit-log.md) of a real server: one line per KMS and IAM request with its
 * caller, never a secret of the session; state-changing operations' lines are written before the
 * response.
 */
class AuditLogIT {
  private TestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = TestServer.start();
    http = new Http(server.endpoint());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path file() {
    return server.dataDir().resolve("audit.log");
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file())) {
      lines.add(Http.JSON.readTree(line));
    }
    return lines;
  }

  private JsonNode only(Predicate<JsonNode> which) throws IOException {
    List<JsonNode> found = lines().stream().filter(which).toList();
    assertThat(found).as("audit lines matching").hasSize(1);
    return found.get(0);
  }

  private static Predicate<JsonNode> op(String operation, int status) {
    return l ->
        l.path("operation").asText().equals(operation) && l.path("status").asInt() == status;
  }

  @Test
  void aSessionsSecrets_neverReachTheAuditLog() throws IOException {
    AuditSession session = new AuditSession(server);
    String token = session.login();
    KmsClient temporary = session.temporary(token);
    String keyId = session.encryptDecrypt(temporary);
    session.dataKeys(keyId);
    session.sign();
    session.mac();
    session.importMaterial();
    badCredentials(session);
    server.stop(); // writes what is queued
    String audit = Files.readString(file());
    for (String secret : session.secrets) {
      assertThat(audit).as("a secret of the session").doesNotContain(secret);
    }
    // One line per request: login, securitytokens, 3 create-key + encrypt, decrypt, create and
    // decrypt data key, sign, verify, generate and verify MAC, external create-key, parameters,
    // import, and the three refusals.
    assertThat(audit.lines().count()).isEqualTo(19);
    assertThat(audit).contains("\"operation\":\"sign\"", "\"operation\":\"import-key-material\"");
  }

  /** A wrong password, a wrong SK and a forged token: refused, and audited without them. */
  private void badCredentials(AuditSession session) {
    String password = session.secret("Not-Alices-Passw0rd!");
    String body =
        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":"
            + "\"alice\",\"password\":\""
            + password
            + "\",\"domain\":{\"name\":\"acme\"}}}}}}";
    assertThat(http.post("/v3/auth/tokens", body, Map.of()).status()).isEqualTo(401);
    String sk = session.secret("wrongSecretKey000000000000000000000000001");
    KmsClient wrong = Sdk.client(server, TestServer.AK, sk, TestServer.PROJECT_ID);
    assertThatThrownBy(() -> Keys.create(wrong, "AES_256", null))
        .isInstanceOf(ServiceResponseException.class);
    String forged = session.secret("MIIforged-token-value-0123456789");
    assertThat(http.kms(forged, TestServer.PROJECT_ID, "list-keys", "{}").status()).isEqualTo(403);
  }

  @Test
  void aStateChangingOperation_isInTheFileWhenItsResponseArrives() throws IOException {
    String token = http.token("acme", "alice", TestServer.PASSWORD, TestServer.PROJECT);
    Http.Response r =
        http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"a1\"}");
    assertThat(r.status()).isEqualTo(200);
    String requestId = r.header("X-Request-Id");
    JsonNode line = only(l -> l.path("request_id").asText().equals(requestId));
    assertThat(line.path("service").asText()).isEqualTo("kms");
    assertThat(line.path("method").asText()).isEqualTo("POST");
    assertThat(line.path("operation").asText()).isEqualTo("create-key");
    assertThat(line.path("key_id").asText()).isEqualTo(r.json().at("/key_info/key_id").asText());
    assertThat(line.path("status").asInt()).isEqualTo(200);
    assertThat(line.path("error_code").isNull()).isTrue();
    assertThat(line.path("client_address").asText()).isEqualTo("127.0.0.1");
    JsonNode caller = line.path("caller");
    assertThat(caller.path("user_id").asText()).matches("[0-9a-f]{32}");
    assertThat(caller.path("domain_id").asText()).isEqualTo(TestServer.DOMAIN_ID);
    assertThat(caller.path("project_id").asText()).isEqualTo(TestServer.PROJECT_ID);
    assertThat(caller.path("auth_method").asText()).isEqualTo("token");
  }

  @Test
  void everyAuthMethod_isRecordedWithTheCaller() throws IOException {
    AuditSession session = new AuditSession(server);
    String token = session.login();
    session.encryptDecrypt(session.temporary(token));
    server.stop();
    JsonNode login = only(op("/v3/auth/tokens", 201));
    assertThat(login.path("service").asText()).isEqualTo("iam");
    assertThat(login.at("/caller/auth_method").asText()).isEqualTo("password");
    assertThat(login.at("/caller/project_id").asText()).isEqualTo(TestServer.PROJECT_ID);
    String alice = login.at("/caller/user_id").asText();
    JsonNode temp = only(op("/v3.0/OS-CREDENTIAL/securitytokens", 201));
    assertThat(temp.at("/caller/auth_method").asText()).isEqualTo("token");
    assertThat(temp.at("/caller/user_id").asText()).isEqualTo(alice);
    assertThat(only(op("create-key", 200)).at("/caller/auth_method").asText()).isEqualTo("aksk");
    JsonNode encrypt = only(op("encrypt-data", 200));
    assertThat(encrypt.at("/caller/auth_method").asText()).isEqualTo("temporary_aksk");
    assertThat(encrypt.at("/caller/user_id").asText()).isEqualTo(alice);
    assertThat(encrypt.path("key_id").asText()).isNotEmpty();
  }

  @Test
  void failedAuthentication_isAuditedWithTheCodeAndNoCaller() throws IOException {
    KmsClient wrong = Sdk.client(server, TestServer.AK, TestServer.OTHER_SK, TestServer.PROJECT_ID);
    assertThatThrownBy(() -> Keys.create(wrong, "AES_256", null))
        .isInstanceOf(ServiceResponseException.class);
    JsonNode refused = only(op("create-key", 401));
    assertThat(refused.path("error_code").asText()).isEqualTo("APIGW.0301");
    assertThat(refused.at("/caller/user_id").isNull()).isTrue();
    assertThat(refused.at("/caller/auth_method").asText()).isEqualTo("aksk");
    http.kms("forged", TestServer.PROJECT_ID, "describe-key", "{\"key_id\":\"k-1\"}");
    server.stop();
    JsonNode forged = only(op("describe-key", 403));
    assertThat(forged.path("error_code").asText()).startsWith("KMS.03");
    assertThat(forged.at("/caller/auth_method").asText()).isEqualTo("token");
    assertThat(forged.path("key_id").asText()).isEqualTo("k-1");
  }

  @Test
  void aRefusedOperation_recordsItsStatusAndKmsCode() throws IOException {
    KmsClient alice = Sdk.alice(server);
    String missing = "0d0d0d0d-0d0d-4d0d-8d0d-0d0d0d0d0d0d";
    assertThatThrownBy(() -> Keys.disable(alice, missing))
        .isInstanceOf(ServiceResponseException.class);
    JsonNode line = only(l -> l.path("operation").asText().equals("disable-key"));
    assertThat(line.path("status").asInt()).isGreaterThanOrEqualTo(400);
    assertThat(line.path("error_code").asText()).startsWith("KMS.");
    assertThat(line.path("key_id").asText()).isEqualTo(missing);
    assertThat(line.at("/caller/auth_method").asText()).isEqualTo("aksk");
  }

  @Test
  void healthAndDiscovery_areNotAudited() throws IOException {
    http.send("GET", "/health", null, Map.of());
    http.send("GET", "/", null, Map.of());
    server.stop();
    assertThat(lines()).isEmpty();
  }
}
