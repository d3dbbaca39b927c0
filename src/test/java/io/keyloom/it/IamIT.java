package io.keyloom.it;

import static io.keyloom.it.IamClients.iam;
import static io.keyloom.it.IamClients.regional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.iam.v3.model.KeystoneListProjectsRequest;
import com.huaweicloud.sdk.iam.v3.model.ProjectResult;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Project discovery (GET /v3/projects), driven by the official KMS and IAM SDKs. */
class IamIT extends ServerIT {

  // --- project discovery: GET /v3/projects?name=REGION

  @Test
  void clientWithoutProjectId_discoversItFromTheRegion() {
    for (String[] region :
        List.of(
            new String[] {TestServer.PROJECT, TestServer.PROJECT_ID},
            new String[] {TestServer.PROJECT_2, TestServer.PROJECT_2_ID})) {
      KmsClient kms = regional(TestServer.AK, TestServer.SK, region[0]);
      String keyId = SdkSigningIT.createKey(kms, "discovered-" + region[0]);
      // The key landed in the project of that region: a token of that project sees it.
      String regionToken =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, region[0]);
      Http.Response r =
          http.kms(regionToken, region[1], "describe-key", "{\"key_id\":\"" + keyId + "\"}");
      assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
  }

  @Test
  void regionWithoutProject_failsDiscoveryInTheSdk() {
    assertThatThrownBy(
            () ->
                SdkSigningIT.createKey(
                    regional(TestServer.AK, TestServer.SK, "ap-southeast-1"), "x"))
        .isInstanceOf(SdkException.class)
        .hasMessageContaining("Failed to get project id of region 'ap-southeast-1'");
  }

  @Test
  void discovery_onlySeesTheCallersDomain() {
    // globex has no cn-south-1 project; acme's must not be offered to bob.
    assertThatThrownBy(
            () ->
                SdkSigningIT.createKey(
                    regional(TestServer.OTHER_AK, TestServer.OTHER_SK, TestServer.PROJECT_2), "x"))
        .isInstanceOf(SdkException.class)
        .hasMessageContaining("Failed to get project id");
  }

  @Test
  void listProjects_throughTheIamSdk_hasTheKeystoneShape() {
    List<ProjectResult> projects =
        iam(TestServer.AK, TestServer.SK)
            .keystoneListProjects(new KeystoneListProjectsRequest())
            .getProjects();
    assertThat(projects)
        .extracting(ProjectResult::getName, ProjectResult::getId, ProjectResult::getDomainId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TestServer.PROJECT, TestServer.PROJECT_ID, TestServer.DOMAIN_ID),
            org.assertj.core.groups.Tuple.tuple(
                TestServer.PROJECT_2, TestServer.PROJECT_2_ID, TestServer.DOMAIN_ID));
    assertThat(projects).allSatisfy(p -> assertThat(p.getEnabled()).isTrue());
  }

  @Test
  void listProjects_withAToken_filtersByName() {
    Http.Response r =
        http.send("GET", "/v3/projects?name=cn-south-1", null, Map.of("X-Auth-Token", token));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode projects = r.json().get("projects");
    assertThat(projects).hasSize(1);
    assertThat(projects.get(0).get("id").asText()).isEqualTo(TestServer.PROJECT_2_ID);
    assertThat(projects.get(0).get("is_domain").asBoolean()).isFalse();
  }

  @Test
  void listProjects_needsAuthentication() {
    Http.Response none = http.send("GET", "/v3/projects", null, Map.of());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().at("/error/code").asInt()).isEqualTo(401);
    Http.Response forged =
        http.send("GET", "/v3/projects", null, Map.of("X-Auth-Token", token + "x"));
    assertThat(forged.status()).isEqualTo(401);
  }
}
