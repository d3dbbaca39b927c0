package io.keyloom.it;

import static io.keyloom.it.TagCalls.filter;
import static io.keyloom.it.TagCalls.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.ActionResources;
import com.huaweicloud.sdk.kms.v2.model.ListKmsByTagsRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKmsByTagsResponse;
import com.huaweicloud.sdk.kms.v2.model.ShowKmsTagsResponse;
import com.huaweicloud.sdk.kms.v2.model.TagItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The six tag operations through the official SDK (docs/tags.md). */
class TagsIT extends ServerIT {
  static KmsClient alice;
  static KmsClient bob;

  @BeforeAll
  static void sdkClients() {
    alice = Sdk.alice(server);
    bob = Sdk.bob(server);
  }

  @AfterEach
  void resetTheEmulator() {
    assertThat(http.post("/keyloom/v1/reset", null, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void createShowReplaceAndDelete_oneTagAtATime() {
    String keyId = LifecycleCalls.create(alice);
    assertThat(TagCalls.show(alice, keyId).getTags()).isEmpty();
    TagCalls.create(alice, keyId, "env", "dev");
    TagCalls.create(alice, keyId, "team", null);
    TagCalls.create(alice, keyId, "env", "prod");
    ShowKmsTagsResponse shown = TagCalls.show(alice, keyId);
    assertThat(shown.getExistTagsNum()).isEqualTo(2);
    assertThat(TagCalls.of(alice, keyId))
        .containsExactly(Map.entry("env", "prod"), Map.entry("team", ""));
    TagCalls.delete(alice, keyId, "env");
    assertThat(TagCalls.of(alice, keyId)).containsExactly(Map.entry("team", ""));
  }

  @Test
  void batchCreateAndDelete_twentyTagsFitOnAKey() {
    String keyId = LifecycleCalls.create(alice);
    TagItem[] twenty = new TagItem[20];
    for (int i = 0; i < 20; i++) {
      twenty[i] = item("k" + (char) ('a' + i), "v" + i);
    }
    TagCalls.batch(alice, keyId, "create", twenty);
    assertThat(TagCalls.show(alice, keyId).getExistTagsNum()).isEqualTo(20);
    TagCalls.batch(alice, keyId, "create", item("ka", "replaced"));
    assertThat(TagCalls.of(alice, keyId)).containsEntry("ka", "replaced").hasSize(20);
    TagCalls.batch(alice, keyId, "delete", item("ka", "not compared"), item("absent", null));
    assertThat(TagCalls.of(alice, keyId)).doesNotContainKey("ka").hasSize(19);
  }

  @Test
  void unicodeTags_countCharacters_notBytes() {
    String keyId = LifecycleCalls.create(alice);
    String key = "键".repeat(35) + "\uD83D\uDD11"; // 36 characters, one outside the BMP
    String value = "värde-".repeat(7) + "é"; // 43 characters
    TagCalls.create(alice, keyId, key, value);
    assertThat(TagCalls.of(alice, keyId)).containsExactly(Map.entry(key, value));
  }

  @Test
  void listKmsTags_groupsTheProjectsValues_andNeverShowsAnotherProjects() {
    String one = LifecycleCalls.create(alice);
    String two = LifecycleCalls.create(alice);
    String bobs = LifecycleCalls.create(bob);
    TagCalls.batch(alice, one, "create", item("env", "dev"), item("owner", "ann"));
    TagCalls.batch(alice, two, "create", item("env", "prod"), item("owner", "ann"));
    TagCalls.create(bob, bobs, "secret-project", "x");
    assertThat(TagCalls.project(alice))
        .containsExactly(
            Map.entry("env", List.of("dev", "prod")), Map.entry("owner", List.of("ann")));
    assertThat(TagCalls.project(bob)).containsOnlyKeys("secret-project");
    KmsErrors.assertKmsError(() -> TagCalls.show(bob, one), 404, "KMS.0207");
    KmsErrors.assertKmsError(() -> TagCalls.create(bob, one, "a", "b"), 404, "KMS.0207");
    KmsErrors.assertKmsError(() -> TagCalls.delete(bob, one, "env"), 404, "KMS.0207");
    assertThat(TagCalls.ids(TagCalls.search(bob, filter(filter("env"))))).isEmpty();
  }

  @Test
  void listKmsByTags_andsKeys_orsValues_andAnswersKeyDetails() {
    String dev = LifecycleCalls.create(alice);
    String prod = LifecycleCalls.create(alice);
    String other = LifecycleCalls.create(alice);
    TagCalls.batch(alice, dev, "create", item("env", "dev"), item("owner", "ann"));
    TagCalls.batch(alice, prod, "create", item("env", "prod"), item("owner", "ann"));
    TagCalls.batch(alice, other, "create", item("env", "dev"));
    assertThat(TagCalls.ids(TagCalls.search(alice, filter(filter("env", "dev", "prod")))))
        .containsExactlyInAnyOrder(dev, prod, other);
    assertThat(TagCalls.ids(TagCalls.search(alice, filter(filter("env", "dev"), filter("owner")))))
        .containsExactly(dev);
    assertThat(TagCalls.ids(TagCalls.search(alice, filter(filter("env", "test"))))).isEmpty();
    ListKmsByTagsResponse found = TagCalls.search(alice, filter(filter("owner", "ann")));
    assertThat(found.getTotalCount()).isEqualTo(2);
    ActionResources first = found.getResources().get(TagCalls.ids(found).indexOf(dev));
    assertThat(first.getResourceDetail().getKeyId()).isEqualTo(dev);
    assertThat(first.getResourceDetail().getKeyState()).isEqualTo("2");
    assertThat(first.getResourceName()).isEqualTo(first.getResourceDetail().getKeyAlias());
    assertThat(first.getTags()).extracting(TagItem::getKey).containsExactly("env", "owner");
  }

  @Test
  void listKmsByTags_pagesWithLimitAndOffset_countsAndMatchesResourceName() {
    String[] ids = new String[5];
    for (int i = 0; i < 5; i++) {
      ids[i] = LifecycleCalls.create(alice);
      TagCalls.create(alice, ids[i], "batch", "b");
    }
    List<String> all = TagCalls.ids(TagCalls.search(alice, filter())); // default limit 10
    assertThat(all).containsExactlyInAnyOrder(ids);
    ListKmsByTagsRequestBody page = filter(filter("batch")).withLimit("2").withOffset("1");
    ListKmsByTagsResponse second = TagCalls.search(alice, page);
    assertThat(TagCalls.ids(second)).isEqualTo(all.subList(1, 3));
    assertThat(second.getTotalCount()).isEqualTo(5);
    assertThat(TagCalls.ids(TagCalls.search(alice, page.withOffset("4"))))
        .isEqualTo(all.subList(4, 5));
    assertThat(TagCalls.ids(TagCalls.search(alice, page.withOffset("5")))).isEmpty();
    ListKmsByTagsResponse count =
        TagCalls.search(alice, new ListKmsByTagsRequestBody().withAction("count"));
    assertThat(count.getTotalCount()).isEqualTo(5);
    String alias = LifecycleCalls.describe(alice, ids[3]).getKeyAlias();
    ListKmsByTagsRequestBody byName =
        filter().withMatches(List.of(item("resource_name", alias.substring(2))));
    assertThat(TagCalls.ids(TagCalls.search(alice, byName))).containsExactly(ids[3]);
  }

  @Test
  void aKeyPendingDeletion_keepsChangingItsTags_andLosesThemWhenDestroyed() {
    String keyId = LifecycleCalls.create(alice);
    TagCalls.create(alice, keyId, "env", "dev");
    LifecycleCalls.schedule(alice, keyId, "7");
    TagCalls.create(alice, keyId, "state", "leaving");
    TagCalls.delete(alice, keyId, "env");
    assertThat(TagCalls.of(alice, keyId)).containsExactly(Map.entry("state", "leaving"));
    assertThat(TagCalls.ids(TagCalls.search(alice, filter(filter("state"))))).contains(keyId);
    RotationCalls.advance(http, "8d");
    assertThat(TagCalls.project(alice)).isEmpty();
    assertThat(TagCalls.ids(TagCalls.search(alice, filter(filter("state"))))).isEmpty();
    KmsErrors.assertKmsError(() -> TagCalls.show(alice, keyId), 404, "KMS.0207");
  }

  @Test
  void theEmulatorReset_removesEveryTag() {
    String keyId = LifecycleCalls.create(alice);
    TagCalls.create(alice, keyId, "env", "dev");
    assertThat(http.post("/keyloom/v1/reset", null, Map.of()).status()).isEqualTo(200);
    assertThat(TagCalls.project(alice)).isEmpty();
  }
}
