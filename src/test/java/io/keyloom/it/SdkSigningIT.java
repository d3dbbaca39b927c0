package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.HttpListener;
import com.huaweicloud.sdk.core.auth.SigningAlgorithm;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKeyDetailRequest;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every AK/SK signing mode of the official SDK against a real server, and what happens to requests
 * that are forged, stale or altered on the way.
 */
class SdkSigningIT extends ServerIT {

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void everySigningAlgorithm_createsEncryptsAndDecrypts(SigningAlgorithm algorithm) {
    KmsClient kms = Sdk.alice(server, algorithm);
    String keyId = createKey(kms, "signing-" + algorithm);
    String plain = Sdk.roundTrip(kms, keyId, "héllo, 世界");
    assertThat(plain).isEqualTo("héllo, 世界");
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void everySigningAlgorithm_refusesAWrongSecret(SigningAlgorithm algorithm) {
    KmsClient forged =
        Sdk.client(
            server.endpoint(),
            TestServer.AK,
            "aliceSecretKey0000000000000000000000002",
            TestServer.PROJECT_ID,
            new HttpConfig().withSigningAlgorithm(algorithm));
    assertKmsError(() -> createKey(forged, "forged-" + algorithm), 401, "APIGW.0301");
  }

  @Test
  void unknownAccessKey_is401WithAClearMessage() {
    KmsClient stranger =
        Sdk.client(server, "UNKNOWNACCESSKEY0001", TestServer.SK, TestServer.PROJECT_ID);
    assertThatThrownBy(() -> createKey(stranger, "stranger"))
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(401);
              assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
              assertThat(e.getErrorMsg()).contains("unknown access key");
            });
  }

  @Test
  void anotherTenantsProject_isForbidden() {
    KmsClient bobInAlicesProject =
        Sdk.client(server, TestServer.OTHER_AK, TestServer.OTHER_SK, TestServer.PROJECT_ID);
    assertKmsError(() -> createKey(bobInAlicesProject, "intruder"), 403, "KMS.0321");
  }

  @Test
  void clockSkewBeyondFifteenMinutes_isRefusedWithAClearMessage() {
    KmsClient kms = Sdk.alice(server);
    try {
      server.clock().advance(Duration.ofMinutes(16));
      assertThatThrownBy(() -> createKey(kms, "stale-future"))
          .isInstanceOfSatisfying(
              ClientRequestException.class,
              e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(401);
                assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
                assertThat(e.getErrorMsg())
                    .contains("X-Sdk-Date differs from server time by more than 15 minutes");
              });
      server.clock().advance(Duration.ofMinutes(-32));
      assertKmsError(() -> createKey(kms, "stale-past"), 401, "APIGW.0301");
      // Within the window both ways the same client works.
      server.clock().advance(Duration.ofMinutes(30));
      assertThat(createKey(kms, "skewed-but-fine-1")).hasSize(36);
      server.clock().advance(Duration.ofMinutes(-28));
      assertThat(createKey(kms, "skewed-but-fine-2")).hasSize(36);
    } finally {
      server.clock().reset();
    }
  }

  @Test
  void identicalRequestsWithinOneSecond_areNotReplays() {
    Captured describe = captureDescribe(createKey(Sdk.alice(server), "replayed"));
    for (int i = 0; i < 3; i++) {
      Http.Response r = describe.replay(describe.body, Map.of(), "");
      assertThat(r.status()).as(r.text() + describe).isEqualTo(200);
    }
  }

  @Test
  void alteredBody_isRefused() {
    Captured describe = captureDescribe(createKey(Sdk.alice(server), "tamper-body"));
    String other = createKey(Sdk.alice(server), "tamper-body-other");
    String altered = describe.body.replaceAll("[0-9a-f-]{36}", other);
    assertThat(altered).isNotEqualTo(describe.body);
    assertRefused(describe.replay(altered, Map.of(), ""));
    assertThat(describe.replay(describe.body, Map.of(), "").status()).isEqualTo(200);
  }

  /**
   * The attack of issue 12: a captured request replayed with another body, with or without a
   * content-hash header that repeats the signed hash or switches body integrity off.
   */
  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void everySigningAlgorithm_refusesACapturedRequestWithAnotherBody(SigningAlgorithm algorithm) {
    String victim = createKey(Sdk.alice(server), "swap-victim-" + algorithm);
    String other = createKey(Sdk.alice(server), "swap-other-" + algorithm);
    Captured describe = captureDescribe(victim, algorithm);
    String swapped = describe.body.replace(victim, other);
    assertThat(swapped).isNotEqualTo(describe.body);
    String header = contentHashHeader(algorithm);
    String signedHash = contentHash(algorithm, describe.body);

    assertRefused(describe.replay(swapped, Map.of(), ""));
    assertPayloadHashRefused(describe.replay(swapped, Map.of(header, signedHash), ""), header);
    assertPayloadHashRefused(
        describe.replay(swapped, Map.of(header, "UNSIGNED-PAYLOAD"), ""), header);
    assertPayloadHashRefused(
        describe.replay(describe.body, Map.of(header, "UNSIGNED-PAYLOAD"), ""), header);
    assertThat(describe.replay(describe.body, Map.of(), "").status()).isEqualTo(200);
  }

  @Test
  void addedQuery_isRefused() {
    Captured describe = captureDescribe(createKey(Sdk.alice(server), "tamper-query"));
    assertRefused(describe.replay(describe.body, Map.of(), "?limit=1"));
  }

  @Test
  void alteredSignedHeader_isRefused() {
    Captured describe = captureDescribe(createKey(Sdk.alice(server), "tamper-header"));
    assertThat(describe.headers.get("Authorization")).contains("x-sdk-date");
    String date = describe.headers.get("X-Sdk-Date");
    String later = date.substring(0, date.length() - 2) + (date.endsWith("0Z") ? "1Z" : "0Z");
    assertRefused(describe.replay(describe.body, Map.of("X-Sdk-Date", later), ""));
    assertRefused(describe.replay(describe.body, Map.of("User-Agent", "tampered-agent/1.0"), ""));
  }

  @Test
  void alteredSignature_isRefused() {
    Captured describe = captureDescribe(createKey(Sdk.alice(server), "tamper-signature"));
    String auth = describe.headers.get("Authorization");
    char last = auth.charAt(auth.length() - 1);
    String flipped = auth.substring(0, auth.length() - 1) + (last == '0' ? '1' : '0');
    assertRefused(describe.replay(describe.body, Map.of("Authorization", flipped), ""));
  }

  private static void assertPayloadHashRefused(Http.Response r, String header) {
    assertThat(r.status()).as(r.text()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("APIGW.0301");
    assertThat(r.text()).contains(header + " must be signed and equal the hash of the body");
  }

  private static String contentHashHeader(SigningAlgorithm algorithm) {
    return algorithm.name().contains("SM3") ? "X-Sdk-Content-Sm3" : "X-Sdk-Content-Sha256";
  }

  private static String contentHash(SigningAlgorithm algorithm, String body) {
    org.bouncycastle.crypto.Digest digest =
        algorithm.name().contains("SM3")
            ? new org.bouncycastle.crypto.digests.SM3Digest()
            : new org.bouncycastle.crypto.digests.SHA256Digest();
    byte[] in = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[digest.getDigestSize()];
    digest.update(in, 0, in.length);
    digest.doFinal(out, 0);
    return java.util.HexFormat.of().formatHex(out);
  }

  private static void assertRefused(Http.Response r) {
    assertThat(r.status()).as(r.text()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("APIGW.0301");
    assertThat(r.text()).contains("verify aksk signature fail");
  }

  /** A describe-key request exactly as the SDK signed and sent it. */
  private record Captured(String uri, Map<String, String> headers, String body) {
    static final java.util.Set<String> RESTRICTED =
        java.util.Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** Sends it again with the body, some headers and the query replaced. */
    Http.Response replay(String newBody, Map<String, String> replaced, String query) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      // java.net.http sets these itself (to the same Host the SDK signed).
      h.keySet().removeIf(name -> RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT)));
      h.putAll(replaced);
      String path = uri.substring(uri.indexOf("/v1.0/"));
      return http.send("POST", path + query, newBody, h);
    }
  }

  private Captured captureDescribe(String keyId) {
    return captureDescribe(keyId, SigningAlgorithm.HMAC_SHA256);
  }

  private Captured captureDescribe(String keyId, SigningAlgorithm algorithm) {
    AtomicReference<Captured> seen = new AtomicReference<>();
    HttpConfig config =
        new HttpConfig()
            .withSigningAlgorithm(algorithm)
            .addHttpListener(
                HttpListener.forRequestListener(
                    r -> {
                      Map<String, String> headers = new LinkedHashMap<>();
                      r.headers().forEach((k, v) -> headers.put(k, String.join(",", v)));
                      seen.set(new Captured(r.uri(), headers, r.body().orElse("")));
                    }));
    KmsClient kms =
        Sdk.client(server.endpoint(), TestServer.AK, TestServer.SK, TestServer.PROJECT_ID, config);
    kms.listKeyDetail(
        new ListKeyDetailRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)));
    assertThat(seen.get().headers()).containsKeys("Authorization", "X-Sdk-Date");
    return seen.get();
  }

  static String createKey(KmsClient kms, String alias) {
    return kms.createKey(
            new CreateKeyRequest().withBody(new CreateKeyRequestBody().withKeyAlias(alias)))
        .getKeyInfo()
        .getKeyId();
  }
}
