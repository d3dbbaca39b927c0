package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.auth.TokenClaims;
import io.keyloom.auth.TokenCodec;
import io.keyloom.crypto.RootKey;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.ServiceKeys;
import io.keyloom.store.Database;
import io.keyloom.store.ServiceKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validly signed tokens whose claims no issuer of ours makes are refused: forged here with the
 * server's own token key (read from its database and unwrapped with its root key), as someone
 * holding a leaked key could.
 */
class TokenClaimsIT extends ServerIT {
  static TokenCodec forger;
  static String aliceId;
  static String bobId;

  @BeforeAll
  static void forgeWithTheServersKey() throws Exception {
    // The server's current X-Auth-Token key, as its database holds it (docs/root-of-trust.md).
    RootKey root = RootKey.loadOrCreate(server.dataDir().resolve("root.key"));
    ServiceKeyStore.Row current;
    try (Database db =
        server
            .database()
            .map(Database::openPostgres)
            .orElseGet(() -> Database.openSqlite(server.dataDir().resolve("keyloom.db")))) {
      List<ServiceKeyStore.Row> rows = new ServiceKeyStore(db).list("x-auth-token");
      current = rows.get(rows.size() - 1);
    }
    SecretBytes key =
        root.wrapper()
            .unwrap(
                Base64.getDecoder().decode(current.wrapped()),
                ServiceKeys.wrapAad(current.purpose(), current.kid()));
    forger = new TokenCodec(ServiceKeys.fixed(current.kid(), key), server.clock());
    aliceId = userId(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD);
    bobId = userId(TestServer.OTHER_DOMAIN, TestServer.OTHER_USER, TestServer.OTHER_PASSWORD);
  }

  static String userId(String domain, String user, String password) {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"%s","domain":{"name":"%s"}}}}}}"""
            .formatted(user, password, domain);
    return http.post("/v3/auth/tokens", body, Map.of()).json().at("/token/user/id").asText();
  }

  static Http.Response listKeysWith(String userId, String domainId, Instant iat, Instant exp) {
    String forged =
        forger.issue(new TokenClaims(userId, domainId, TestServer.PROJECT_ID, iat, exp));
    return http.kms(forged, TestServer.PROJECT_ID, "list-keys", "{}");
  }

  @Test
  void forgedTokenWithSaneClaims_isAccepted_soTheRefusalsBelowAreAboutClaims() {
    Instant now = server.clock().instant();
    Http.Response r = listKeysWith(aliceId, TestServer.DOMAIN_ID, now, now.plusSeconds(60));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  @Test
  void tokenOfAUserThatDoesNotExist_isKms0302() {
    Instant now = server.clock().instant();
    Http.Response r =
        listKeysWith(
            "0123456789abcdef0123456789abcdef", TestServer.DOMAIN_ID, now, now.plusSeconds(60));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0302");
  }

  @Test
  void tokenOfAUserOfAnotherDomain_isKms0302() {
    Instant now = server.clock().instant();
    Http.Response r = listKeysWith(bobId, TestServer.DOMAIN_ID, now, now.plusSeconds(60));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0302");
  }

  @Test
  void tokenIssuedInTheFuture_isKms0302() {
    Instant later = server.clock().instant().plus(Duration.ofMinutes(20));
    Http.Response r = listKeysWith(aliceId, TestServer.DOMAIN_ID, later, later.plusSeconds(60));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0302");
  }

  @Test
  void tokenLivingLongerThan24Hours_isKms0302() {
    Instant now = server.clock().instant();
    Http.Response r =
        listKeysWith(aliceId, TestServer.DOMAIN_ID, now, now.plus(Duration.ofHours(25)));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0302");
  }

  @Test
  void iamRoute_withTokenOfAUserThatDoesNotExist_is401() {
    Instant now = server.clock().instant();
    String forged =
        forger.issue(
            new TokenClaims(
                "0123456789abcdef0123456789abcdef",
                TestServer.DOMAIN_ID,
                null,
                now,
                now.plusSeconds(60)));
    Http.Response r = http.send("GET", "/v3/projects", null, Map.of("X-Auth-Token", forged));
    assertThat(r.status()).isEqualTo(401);
  }
}
