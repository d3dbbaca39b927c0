package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.Quotas;
import com.huaweicloud.sdk.kms.v2.model.Resources;
import com.huaweicloud.sdk.kms.v2.model.ShowUserInstancesRequest;
import com.huaweicloud.sdk.kms.v2.model.ShowUserQuotasRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** user-quotas, user-instances and the enforced per-project key quota. */
class QuotaIT {

  static Resources quota(KmsClient client, String type) {
    Quotas quotas = client.showUserQuotas(new ShowUserQuotasRequest()).getQuotas();
    return quotas.getResources().stream()
        .filter(r -> r.getType().getValue().equals(type))
        .findFirst()
        .orElseThrow();
  }

  static int instances(KmsClient client) {
    return client.showUserInstances(new ShowUserInstancesRequest()).getInstanceNum();
  }

  @Test
  void everyKeyOfTheProjectCounts_andCreateBeyondTheQuotaIsKms1105() {
    try (TestServer server = TestServer.start(3)) {
      KmsClient alice = Sdk.alice(server);
      assertThat(quota(alice, "CMK").getUsed()).isZero();
      assertThat(quota(alice, "CMK").getQuota()).isEqualTo(3);
      assertThat(quota(alice, "grant_per_CMK").getUsed()).isZero();
      assertThat(quota(alice, "grant_per_CMK").getQuota()).isEqualTo(100);
      assertThat(instances(alice)).isZero();

      String disabled = LifecycleCalls.create(alice);
      Keys.disable(alice, disabled);
      LifecycleCalls.create(
          alice, new CreateKeyRequestBody().withOrigin(CreateKeyRequestBody.OriginEnum.EXTERNAL));
      String pending = LifecycleCalls.create(alice);
      LifecycleCalls.schedule(alice, pending, "7");
      assertThat(quota(alice, "CMK").getUsed()).isEqualTo(3);
      assertThat(instances(alice)).isEqualTo(3);

      assertKmsError(
          () -> LifecycleCalls.create(alice, new CreateKeyRequestBody().withKeyAlias("fourth")),
          400,
          "KMS.1105");
      assertThat(instances(alice)).as("nothing was stored").isEqualTo(3);

      KmsClient south = Sdk.client(server, TestServer.AK, TestServer.SK, TestServer.PROJECT_2_ID);
      assertThat(LifecycleCalls.create(south, new CreateKeyRequestBody().withKeyAlias("fourth")))
          .as("the quota is per project")
          .isNotBlank();
      assertThat(quota(south, "CMK").getUsed()).isEqualTo(1);
      assertThat(instances(Sdk.bob(server))).isZero();

      LifecycleCalls.cancel(alice, pending);
      assertKmsError(() -> LifecycleCalls.create(alice), 400, "KMS.1105");
    }
  }

  @Test
  void concurrentCreates_neverExceedTheQuota() throws Exception {
    int quota = 5;
    try (TestServer server = TestServer.start(quota)) {
      Http http = new Http(server.endpoint());
      String token =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT_2);
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Callable<Http.Response>> creates = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String body = "{\"key_alias\":\"race-" + i + "\"}";
        creates.add(() -> http.kms(token, TestServer.PROJECT_2_ID, "create-key", body));
      }
      int created = 0;
      try {
        for (Future<Http.Response> f : pool.invokeAll(creates)) {
          Http.Response r = f.get();
          if (r.status() == 200) {
            created++;
          } else {
            assertThat(r.errorCode()).isEqualTo("KMS.1105");
          }
        }
      } finally {
        pool.shutdown();
      }
      assertThat(created).isEqualTo(quota);
      assertThat(
              StoreFiles.query(
                  server,
                  "SELECT COUNT(*) FROM cmks WHERE project_id = ?",
                  TestServer.PROJECT_2_ID))
          .containsExactly(Integer.toString(quota));
    }
  }

  @Test
  void wireShapes_areNumbers_andRoutesAreGetOnlyWithAuthentication() {
    try (TestServer server = TestServer.start(7)) {
      Http http = new Http(server.endpoint());
      String token =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      String base = "/v1.0/" + TestServer.PROJECT_ID + "/kms/";
      Map<String, String> auth = Map.of("X-Auth-Token", token);
      http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"one\"}");

      JsonNode quotas = http.send("GET", base + "user-quotas", null, auth).json();
      JsonNode cmk = quotas.path("quotas").path("resources").get(0);
      assertThat(cmk.path("type").asText()).isEqualTo("CMK");
      assertThat(cmk.path("used").isInt()).isTrue();
      assertThat(cmk.path("used").asInt()).isEqualTo(1);
      assertThat(cmk.path("quota").isInt()).isTrue();
      assertThat(cmk.path("quota").asInt()).isEqualTo(7);
      assertThat(quotas.path("quotas").path("resources").get(1).path("type").asText())
          .isEqualTo("grant_per_CMK");
      JsonNode instances = http.send("GET", base + "user-instances", null, auth).json();
      assertThat(instances.path("instance_num").isInt()).isTrue();
      assertThat(instances.path("instance_num").asInt()).isEqualTo(1);

      assertThat(http.send("POST", base + "user-quotas", "{}", auth).errorCode())
          .isEqualTo("KMS.0215");
      assertThat(http.send("GET", base + "user-instances", null, Map.of()).status()).isEqualTo(401);
      Http.Response foreign =
          http.send("GET", "/v1.0/" + TestServer.OTHER_PROJECT_ID + "/kms/user-quotas", null, auth);
      assertThat(foreign.status()).isEqualTo(403);
      assertThat(foreign.errorCode()).isEqualTo("KMS.0321");
    }
  }
}
