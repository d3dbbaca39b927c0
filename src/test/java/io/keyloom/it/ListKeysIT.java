package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody.KeySpecEnum;
import com.huaweicloud.sdk.kms.v2.model.ListKeysResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * list-keys through the SDK. Each test tags its keys with its own enterprise project id and lists
 * by it, so tests sharing the server do not see each other's keys.
 */
class ListKeysIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  static String eps() {
    return UUID.randomUUID().toString();
  }

  static String create(String eps, String spec) {
    return LifecycleCalls.create(
        alice,
        new CreateKeyRequestBody()
            .withEnterpriseProjectId(eps)
            .withKeySpec(CreateKeyRequestBody.KeySpecEnum.fromValue(spec)));
  }

  static ListKeysRequestBody in(String eps) {
    return new ListKeysRequestBody().withEnterpriseProjectId(eps);
  }

  @Test
  void withoutKeySpec_onlyAes256KeysAreListed_andAllListsEverySpec() {
    String eps = eps();
    String aes = create(eps, "AES_256");
    String sm4 = create(eps, "SM4");
    String ec = create(eps, "EC_P256");
    ListKeysResponse byDefault = LifecycleCalls.list(alice, in(eps));
    assertThat(byDefault.getKeys()).containsExactly(aes);
    assertThat(byDefault.getTotal()).isEqualTo(1);
    ListKeysResponse all = LifecycleCalls.list(alice, in(eps).withKeySpec(KeySpecEnum.ALL));
    assertThat(all.getKeys()).containsExactlyInAnyOrder(aes, sm4, ec);
    assertThat(all.getTotal()).isEqualTo(3);
    assertThat(all.getTruncated()).isEqualTo(ListKeysResponse.TruncatedEnum.FALSE);
    assertThat(all.getNextMarker()).isEmpty();
    assertThat(LifecycleCalls.list(alice, in(eps).withKeySpec(KeySpecEnum.SM4)).getKeys())
        .containsExactly(sm4);
  }

  @Test
  void keyState_filtersByState() {
    String eps = eps();
    String enabled = create(eps, "AES_256");
    String disabled = create(eps, "AES_256");
    Keys.disable(alice, disabled);
    String pending = create(eps, "AES_256");
    LifecycleCalls.schedule(alice, pending, "7");
    assertThat(LifecycleCalls.list(alice, in(eps).withKeyState("2")).getKeys())
        .containsExactly(enabled);
    assertThat(LifecycleCalls.list(alice, in(eps).withKeyState("3")).getKeys())
        .containsExactly(disabled);
    ListKeysResponse scheduled = LifecycleCalls.list(alice, in(eps).withKeyState("4"));
    assertThat(scheduled.getKeys()).containsExactly(pending);
    assertThat(scheduled.getKeyDetails().get(0).getScheduledDeletionDate()).isNotEmpty();
    assertThat(LifecycleCalls.list(alice, in(eps).withKeyState("5")).getKeys()).isEmpty();
    assertThat(LifecycleCalls.list(alice, in(eps)).getTotal()).isEqualTo(3);
  }

  @Test
  void paging_walksEveryKeyOnceWithTruncatedAndNextMarker() {
    String eps = eps();
    Set<String> created = new LinkedHashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(eps, "AES_256"));
    }
    List<String> seen = new ArrayList<>();
    String marker = null;
    List<String> markers = new ArrayList<>();
    do {
      ListKeysResponse page = LifecycleCalls.list(alice, in(eps).withLimit("2").withMarker(marker));
      assertThat(page.getTotal()).isEqualTo(5);
      assertThat(page.getKeys()).hasSizeLessThanOrEqualTo(2);
      assertThat(page.getKeyDetails()).extracting(KeyDetails::getKeyId).isEqualTo(page.getKeys());
      seen.addAll(page.getKeys());
      boolean more = page.getTruncated() == ListKeysResponse.TruncatedEnum.TRUE;
      marker = more ? page.getNextMarker() : null;
      markers.add(page.getNextMarker());
    } while (marker != null);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
    assertThat(markers).containsExactly("2", "4", "");
  }

  @Test
  void markerPastTheEnd_givesAnEmptyLastPage() {
    String eps = eps();
    create(eps, "AES_256");
    ListKeysResponse r = LifecycleCalls.list(alice, in(eps).withMarker("10"));
    assertThat(r.getKeys()).isEmpty();
    assertThat(r.getKeyDetails()).isEmpty();
    assertThat(r.getTotal()).isEqualTo(1);
    assertThat(r.getTruncated()).isEqualTo(ListKeysResponse.TruncatedEnum.FALSE);
  }

  @Test
  void listedDetails_equalDescribeKey_withEveryFieldFilled() {
    String eps = eps();
    String keyId =
        LifecycleCalls.create(
            alice,
            new CreateKeyRequestBody()
                .withEnterpriseProjectId(eps)
                .withKeySpec(CreateKeyRequestBody.KeySpecEnum.RSA_2048)
                .withKeyDescription("listed"));
    KeyDetails listed =
        LifecycleCalls.list(alice, in(eps).withKeySpec(KeySpecEnum.ALL)).getKeyDetails().get(0);
    KeyDetails described = LifecycleCalls.describe(alice, keyId);
    assertThat(listed).isEqualTo(described);
    assertThat(described.getKeyId()).isEqualTo(keyId);
    assertThat(described.getDomainId()).isEqualTo(TestServer.DOMAIN_ID);
    assertThat(described.getRealm()).isEqualTo(TestServer.PROJECT);
    assertThat(described.getKeySpec()).isEqualTo(KeyDetails.KeySpecEnum.RSA_2048);
    assertThat(described.getKeyUsage()).isEqualTo(KeyDetails.KeyUsageEnum.SIGN_VERIFY);
    assertThat(described.getKeyDescription()).isEqualTo("listed");
    assertThat(described.getCreationDate()).isEqualTo(Long.toString(server.clock().millis()));
    assertThat(described.getScheduledDeletionDate()).isEmpty();
    assertThat(described.getKeyState()).isEqualTo("2");
    assertThat(described.getDefaultKeyFlag()).isEqualTo("0");
    assertThat(described.getKeyType()).isEqualTo("2");
    assertThat(described.getExpirationTime()).isEmpty();
    assertThat(described.getOrigin()).isEqualTo(KeyDetails.OriginEnum.KMS);
    assertThat(described.getKeyRotationEnabled()).isEqualTo("false");
    assertThat(described.getSysEnterpriseProjectId()).isEqualTo(eps);
    assertThat(described.getKeystoreId()).isEqualTo("0");
  }

  @Test
  void otherProjectsKeys_areNeverListed() {
    String eps = eps();
    String mine = create(eps, "AES_256");
    KmsClient bob = Sdk.bob(server);
    LifecycleCalls.create(
        bob, new CreateKeyRequestBody().withEnterpriseProjectId(eps).withKeyAlias("bob-key"));
    KmsClient aliceSouth =
        Sdk.client(server, TestServer.AK, TestServer.SK, TestServer.PROJECT_2_ID);
    String south =
        LifecycleCalls.create(aliceSouth, new CreateKeyRequestBody().withEnterpriseProjectId(eps));
    assertThat(LifecycleCalls.list(alice, in(eps)).getKeys()).containsExactly(mine);
    assertThat(LifecycleCalls.list(aliceSouth, in(eps)).getKeys()).containsExactly(south);
    assertThat(LifecycleCalls.list(bob, in(eps)).getKeys()).hasSize(1).doesNotContain(mine, south);
  }

  @Test
  void badLimitMarkerOrFilter_areRefusedWithTheirCodes() {
    for (String limit : new String[] {"0", "1001", "-1", "abc", "1.5"}) {
      assertKmsError(
          () -> LifecycleCalls.list(alice, new ListKeysRequestBody().withLimit(limit)),
          400,
          "KMS.1601",
          "limit " + limit);
    }
    for (String marker : new String[] {"-1", "x", "1e3"}) {
      assertKmsError(
          () -> LifecycleCalls.list(alice, new ListKeysRequestBody().withMarker(marker)),
          400,
          "KMS.1602",
          "marker " + marker);
    }
    assertKmsError(
        () -> LifecycleCalls.list(alice, new ListKeysRequestBody().withKeyState("6")),
        400,
        "KMS.0308");
    assertKmsError(
        () ->
            LifecycleCalls.list(
                alice, new ListKeysRequestBody().withKeySpec(KeySpecEnum.fromValue("AES_512"))),
        400,
        "KMS.0308");
    assertKmsError(() -> LifecycleCalls.list(alice, in("not a project")), 400, "KMS.0308");
    assertKmsError(
        () -> LifecycleCalls.list(alice, new ListKeysRequestBody().withSequence("short")),
        400,
        "KMS.0206");
  }

  @Test
  void limitsAtTheBounds_areAccepted() {
    String eps = eps();
    create(eps, "AES_256");
    assertThat(LifecycleCalls.list(alice, in(eps).withLimit("1")).getKeys()).hasSize(1);
    assertThat(LifecycleCalls.list(alice, in(eps).withLimit("1000")).getKeys()).hasSize(1);
    assertThat(LifecycleCalls.list(alice, in(eps).withMarker("0")).getKeys()).hasSize(1);
  }

  @Test
  void wireTypes_areStringsExceptTotal_andEmptyStringsMeanUnset() {
    String eps = eps();
    create(eps, "AES_256");
    Http.Response r =
        call(
            "list-keys",
            "{\"limit\":\"\",\"marker\":\"\",\"key_state\":\"\",\"key_spec\":\"\","
                + "\"enterprise_project_id\":\""
                + eps
                + "\"}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.path("total").isInt()).isTrue();
    assertThat(body.path("total").asInt()).isEqualTo(1);
    assertThat(body.path("truncated").isTextual()).isTrue();
    assertThat(body.path("truncated").asText()).isEqualTo("false");
    assertThat(body.path("next_marker").isTextual()).isTrue();
    assertThat(body.path("keys").get(0).isTextual()).isTrue();
    body.path("key_details")
        .get(0)
        .fields()
        .forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
    assertThat(body.path("key_details").get(0).size()).isEqualTo(17);
  }

  @Test
  void numbersForLimit_areAcceptedLikeStrings_butObjectsAreNotJson0202() {
    String eps = eps();
    create(eps, "AES_256");
    create(eps, "AES_256");
    Http.Response r = call("list-keys", "{\"limit\":1,\"enterprise_project_id\":\"" + eps + "\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("keys")).hasSize(1);
    assertThat(r.json().path("truncated").asText()).isEqualTo("true");
    assertThat(r.json().path("next_marker").asText()).isEqualTo("1");
    assertThat(call("list-keys", "{\"limit\":{}}").errorCode()).isEqualTo("KMS.0202");
    assertThat(call("list-keys", "{}").status()).isEqualTo(200);
  }
}
