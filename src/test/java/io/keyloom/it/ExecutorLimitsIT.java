package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The bounded executors (docs/executors.md): a flood of one work class is refused with 429 {@code
 * APIGW.0308} once its threads and queue are full, instead of queueing without bound, and the hot
 * path keeps answering meanwhile.
 */
class ExecutorLimitsIT extends ServerIT {
  /** More concurrent requests than the login or heavy executor holds on any host. */
  static final int FLOOD = 4 * Runtime.getRuntime().availableProcessors() + 40;

  static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static List<HttpResponse<String>> flood(String path, String body, String authToken) {
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < FLOOD; i++) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(server.endpoint() + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (authToken != null) {
        b.header("X-Auth-Token", authToken);
      }
      sent.add(CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()));
    }
    return sent.stream().map(CompletableFuture::join).toList();
  }

  static void assertSomeThrottled(List<HttpResponse<String>> responses, int success) {
    List<HttpResponse<String>> throttled =
        responses.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(throttled).isNotEmpty();
    assertThat(responses).allMatch(r -> r.statusCode() == success || r.statusCode() == 429);
    for (HttpResponse<String> r : throttled) {
      Http.Response parsed = new Http.Response(r.statusCode(), r.headers(), r.body());
      assertThat(parsed.json().path("error_code").asText()).isEqualTo("APIGW.0308");
      assertThat(parsed.json().path("request_id").asText())
          .isEqualTo(parsed.header("X-Request-Id"));
      assertThat(parsed.header("Retry-After")).isEqualTo("1");
    }
  }

  @Test
  void loginFlood_beyondTheLoginExecutor_isRefusedWith429() {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice",\
        "password":"%s","domain":{"name":"acme"}}}},"scope":{"project":{"name":"cn-north-4"}}}}"""
            .formatted(TestServer.PASSWORD);
    assertSomeThrottled(flood("/v3/auth/tokens", body, null), 201);
  }

  @Test
  void rsaKeyPairFlood_isRefusedWith429_whileEncryptionKeepsWorking() {
    String keyId =
        call("create-key", "{\"key_alias\":\"flood\"}").json().at("/key_info/key_id").asText();
    CompletableFuture<List<HttpResponse<String>>> heavy =
        CompletableFuture.supplyAsync(
            () ->
                flood(
                    "/v1.0/" + TestServer.PROJECT_ID + "/kms/create-rsa-datakey-pair",
                    "{\"key_id\":\"" + keyId + "\",\"key_spec\":\"RSA_2048\"}",
                    token));
    Http.Response encrypted =
        call("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"during a flood\"}");
    assertThat(encrypted.status()).as(encrypted.text()).isEqualTo(200);
    assertSomeThrottled(heavy.join(), 200);
  }
}
