package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.ApiVersionDetail;
import com.huaweicloud.sdk.kms.v2.model.ShowVersionRequest;
import com.huaweicloud.sdk.kms.v2.model.ShowVersionsRequest;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ShowVersions ({@code GET /}) and ShowVersion ({@code GET /v1.0}): shapes, no authentication. */
class VersionsIT extends ServerIT {

  static void assertV1(JsonNode v, String origin) {
    assertThat(v.path("id").asText()).isEqualTo("v1.0");
    assertThat(v.path("status").asText()).isEqualTo("CURRENT");
    assertThat(v.path("updated").asText()).isEqualTo("2016-10-29T02:00:00Z");
    assertThat(v.path("version").isTextual()).isTrue();
    assertThat(v.path("version").asText()).isEmpty();
    assertThat(v.path("min_version").isTextual()).isTrue();
    assertThat(v.path("min_version").asText()).isEmpty();
    assertThat(v.path("links")).hasSize(1);
    assertThat(v.path("links").get(0).path("rel").asText()).isEqualTo("self");
    assertThat(v.path("links").get(0).path("href").asText()).isEqualTo(origin + "/v1.0/");
  }

  @Test
  void listVersions_withoutCredentials_namesV1AsCurrent() {
    Http.Response r = http.send("GET", "/", null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    HttpBehaviourIT.assertStandardHeaders(r);
    assertThat(r.json().path("versions")).hasSize(1);
    assertV1(r.json().path("versions").get(0), server.endpoint());
  }

  @Test
  void showVersion_withoutCredentials_returnsOneVersionObject() {
    Http.Response r = http.send("GET", "/v1.0", null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertV1(r.json().path("version"), server.endpoint());
  }

  @Test
  void versions_ignoreCredentialsEvenWhenTheyAreWrong() {
    Http.Response r =
        http.send("GET", "/", null, Map.of("X-Auth-Token", "garbage", "Authorization", "nope"));
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void sdk_readsBothVersionCalls() {
    KmsClient client = Sdk.alice(server);
    List<ApiVersionDetail> versions = client.showVersions(new ShowVersionsRequest()).getVersions();
    assertThat(versions).hasSize(1);
    ApiVersionDetail v = versions.get(0);
    assertThat(v.getId()).isEqualTo("v1.0");
    assertThat(v.getStatus()).isEqualTo("CURRENT");
    assertThat(v.getMinVersion()).isEmpty();
    assertThat(v.getLinks().get(0).getHref()).isEqualTo(server.endpoint() + "/v1.0/");
    Object one = client.showVersion(new ShowVersionRequest().withVersionId("v1.0")).getVersion();
    assertThat(Http.JSON.valueToTree(one).path("id").asText()).isEqualTo("v1.0");
  }

  @Test
  void unknownVersion_is404AndWrongMethodIs405() {
    Http.Response v2 = http.send("GET", "/v9.9", null, Map.of());
    assertThat(v2.status()).isEqualTo(404);
    assertThat(v2.errorCode()).isEqualTo("KMS.0201");
    Http.Response post = http.send("POST", "/", "{}", Map.of());
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.errorCode()).isEqualTo("KMS.0215");
  }

  @Test
  void hostHeaderThatIsNotAHostName_isNotEchoedIntoLinks() throws Exception {
    // A raw socket: the JDK client will not send a forged Host header.
    try (Socket socket = new Socket("127.0.0.1", URI.create(server.endpoint()).getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: evil.example\"<x>\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(reply).doesNotContain("evil");
    }
    Http.Response r = http.send("GET", "/", null, Map.of());
    assertThat(r.json().path("versions").get(0).path("links").get(0).path("href").asText())
        .startsWith(server.endpoint());
  }
}
