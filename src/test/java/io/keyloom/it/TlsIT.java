package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS with a CA made in the test: the official SDK and the JDK client verify the server against
 * that CA (verification stays on), and HTTP/2 is negotiated by ALPN. Protocol and cipher-suite
 * refusals are in {@link TlsHandshakeIT}, plain HTTP on the TLS port in {@link PlainHttpOnTlsIT}.
 */
class TlsIT {
  static TestCa ca;
  static TestServer rsaServer;
  static TestServer ecServer;

  @BeforeAll
  static void start() {
    ca = TestCa.create();
    rsaServer =
        TestServer.startTls(ca.writeServer(TestCa.KeyType.RSA_2048, TestCa.KeyFormat.TRADITIONAL));
    ecServer = TestServer.startTls(ca.writeServer(TestCa.KeyType.EC_P256, TestCa.KeyFormat.PKCS8));
  }

  @AfterAll
  static void stop() {
    rsaServer.close();
    ecServer.close();
    ca.close();
  }

  static KmsClient sdk(TestServer server) {
    HttpConfig config =
        new HttpConfig()
            .withSSLSocketFactory(ca.clientContext().getSocketFactory())
            .withX509TrustManager(ca.trustManager());
    return Sdk.client(
        server.endpoint(), TestServer.AK, TestServer.SK, TestServer.PROJECT_ID, config);
  }

  static void createEncryptDecrypt(KmsClient kms) {
    String keyId =
        kms.createKey(
                new CreateKeyRequest()
                    .withBody(new CreateKeyRequestBody().withKeyAlias("tls-" + System.nanoTime())))
            .getKeyInfo()
            .getKeyId();
    String plain = Sdk.roundTrip(kms, keyId, "over tls");
    assertThat(plain).isEqualTo("over tls");
  }

  @Test
  void sdk_overHttpsWithRsaCertificate_createsKeyEncryptsAndDecrypts() {
    assertThat(rsaServer.endpoint()).startsWith("https://");
    createEncryptDecrypt(sdk(rsaServer));
  }

  @Test
  void sdk_overHttpsWithEcCertificate_createsKeyEncryptsAndDecrypts() {
    createEncryptDecrypt(sdk(ecServer));
  }

  @Test
  void sdk_withoutTheTestCaTrusted_refusesTheServer() {
    // Proves the calls above verified the certificate rather than trusting anything.
    KmsClient untrusting =
        Sdk.client(
            ecServer.endpoint(),
            TestServer.AK,
            TestServer.SK,
            TestServer.PROJECT_ID,
            new HttpConfig());
    assertThatThrownBy(
            () -> untrusting.listKeys(new ListKeysRequest().withBody(new ListKeysRequestBody())))
        .hasStackTraceContaining("PKIX");
  }

  /** A GET with the JDK client trusting {@code ca}. */
  static HttpResponse<String> get(
      TestCa ca, TestServer server, HttpClient.Version version, String path) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(ca.clientContext()).version(version).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void jdkClient_askingForHttp2_negotiatesH2ByAlpn() throws Exception {
    for (TestServer server : new TestServer[] {rsaServer, ecServer}) {
      HttpResponse<String> r = get(ca, server, HttpClient.Version.HTTP_2, "/health");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }
  }

  @Test
  void jdkClient_askingForHttp11_getsHttp11() throws Exception {
    HttpResponse<String> r = get(ca, ecServer, HttpClient.Version.HTTP_1_1, "/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void versionLinks_overHttps_sayHttps() throws Exception {
    HttpResponse<String> r = get(ca, ecServer, HttpClient.Version.HTTP_2, "/");
    assertThat(Http.JSON.readTree(r.body()).at("/versions/0/links/0/href").asText())
        .isEqualTo(ecServer.endpoint() + "/v1.0/");
  }
}
