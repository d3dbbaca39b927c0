package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.AliasEntity;
import com.huaweicloud.sdk.kms.v2.model.AssociateAliasRequest;
import com.huaweicloud.sdk.kms.v2.model.AssociateAliasRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateAliasRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateAliasRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateAliasResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DeleteAliasRequest;
import com.huaweicloud.sdk.kms.v2.model.DeleteAliasRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListAliasResponseBody;
import com.huaweicloud.sdk.kms.v2.model.ListAliasesRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeyDetailRequest;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.SignRequest;
import com.huaweicloud.sdk.kms.v2.model.SignRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ValidateSignatureRequest;
import com.huaweicloud.sdk.kms.v2.model.VerifyRequestBody;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aliases through the official SDK: the four operations and aliases used as key_id. */
class AliasIT extends ServerIT {
  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static KmsClient kms;

  @BeforeAll
  static void client() {
    kms = Sdk.alice(server);
  }

  static String newAlias() {
    return "alias/it-" + SERIAL.incrementAndGet();
  }

  static AliasEntity create(KmsClient client, String keyId, String alias) {
    CreateAliasResponse r =
        client.createAlias(
            new CreateAliasRequest()
                .withBody(new CreateAliasRequestBody().withKeyId(keyId).withAlias(alias)));
    assertThat(r.getHttpStatusCode()).isEqualTo(201);
    AliasEntity e = new AliasEntity();
    e.setDomainId(r.getDomainId());
    e.setKeyId(r.getKeyId());
    e.setAlias(r.getAlias());
    e.setAliasUrn(r.getAliasUrn());
    e.setCreateTime(r.getCreateTime());
    e.setUpdateTime(r.getUpdateTime());
    return e;
  }

  static List<ListAliasResponseBody> list(String keyId, String limit, String marker) {
    return kms.listAliases(
            new ListAliasesRequest().withKeyId(keyId).withLimit(limit).withMarker(marker))
        .getBody();
  }

  @Test
  void create_answers201WithTheEntity_andTheUrnOfAccountAndRegion() {
    String keyId = Keys.create(kms, "AES_256", null);
    String alias = newAlias();
    AliasEntity e = create(kms, keyId, alias);
    assertThat(e.getKeyId()).isEqualTo(keyId);
    assertThat(e.getAlias()).isEqualTo(alias);
    assertThat(e.getDomainId()).isEqualTo(TestServer.DOMAIN_ID);
    assertThat(e.getAliasUrn())
        .isEqualTo("kms:" + TestServer.PROJECT + ":" + TestServer.DOMAIN_ID + ":alias:" + alias);
    assertThat(e.getCreateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(e.getUpdateTime()).isEqualTo(e.getCreateTime());
  }

  @Test
  void list_isTheArrayTheSdkReads_pagedByMarker_filteredByKey() {
    String keyId = Keys.create(kms, "AES_256", null);
    List<String> made = List.of(newAlias(), newAlias(), newAlias());
    made.forEach(a -> create(kms, keyId, a));
    List<ListAliasResponseBody> first = list(keyId, "2", null);
    assertThat(first).hasSize(1);
    assertThat(first.get(0).getPageInfo().getCurrentCount()).isEqualTo(2);
    String next = first.get(0).getPageInfo().getNextMarker();
    assertThat(next).isEqualTo("2");
    List<ListAliasResponseBody> second = list(keyId, "2", next);
    assertThat(second.get(0).getPageInfo().getNextMarker()).isEmpty();
    List<String> seen =
        java.util.stream.Stream.concat(
                first.get(0).getAliases().stream(), second.get(0).getAliases().stream())
            .map(AliasEntity::getAlias)
            .toList();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(made);
    assertThat(list(null, null, null).get(0).getAliases())
        .extracting(AliasEntity::getAlias)
        .containsAll(made);
  }

  @Test
  void aliasAndUrn_workAsKeyIdInTheCryptoOperations() {
    String keyId = Keys.create(kms, "AES_256", null);
    AliasEntity e = create(kms, keyId, newAlias());
    for (String ref : List.of(e.getAlias(), e.getAliasUrn())) {
      assertThat(Sdk.roundTrip(kms, ref, "hello")).isEqualTo("hello");
      assertThat(Keys.encrypt(kms, ref, null, "x").getKeyId()).isEqualTo(keyId);
      String described =
          kms.listKeyDetail(
                  new ListKeyDetailRequest().withBody(new OperateKeyRequestBody().withKeyId(ref)))
              .getKeyInfo()
              .getKeyId();
      assertThat(described).isEqualTo(keyId);
      CreateDatakeyResponse dk =
          kms.createDatakey(
              new CreateDatakeyRequest()
                  .withBody(
                      new CreateDatakeyRequestBody()
                          .withKeyId(ref)
                          .withKeySpec(CreateDatakeyRequestBody.KeySpecEnum.AES_256)));
      String plain =
          kms.decryptDatakey(
                  new DecryptDatakeyRequest()
                      .withBody(
                          new DecryptDatakeyRequestBody()
                              .withKeyId(ref)
                              .withCipherText(dk.getCipherText())
                              .withDatakeyCipherLength("32")))
              .getDataKey();
      assertThat(plain).isEqualTo(dk.getPlainText());
    }
  }

  @Test
  void signAndVerify_acceptAnAlias() {
    String keyId = Keys.create(kms, "EC_P256", "SIGN_VERIFY");
    String alias = create(kms, keyId, newAlias()).getAlias();
    String message = Base64.getEncoder().encodeToString("m".getBytes());
    SignRequestBody.SigningAlgorithmEnum alg = SignRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256;
    String signature =
        kms.sign(
                new SignRequest()
                    .withBody(
                        new SignRequestBody()
                            .withKeyId(alias)
                            .withMessage(message)
                            .withMessageType(SignRequestBody.MessageTypeEnum.RAW)
                            .withSigningAlgorithm(alg)))
            .getSignature();
    VerifyRequestBody verify =
        new VerifyRequestBody()
            .withKeyId(alias)
            .withMessage(message)
            .withSignature(signature)
            .withMessageType(VerifyRequestBody.MessageTypeEnum.RAW)
            .withSigningAlgorithm(VerifyRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256);
    assertThat(
            kms.validateSignature(new ValidateSignatureRequest().withBody(verify))
                .getSignatureValid())
        .isEqualTo("true");
  }

  @Test
  void associate_movesTheAliasAtOnce_andDelete_endsItAtOnce() {
    String first = Keys.create(kms, "AES_256", null);
    String second = Keys.create(kms, "AES_256", null);
    String alias = create(kms, first, newAlias()).getAlias();
    assertThat(Keys.encrypt(kms, alias, null, "x").getKeyId()).isEqualTo(first);
    AliasEntity moved =
        kms.associateAlias(
                        new AssociateAliasRequest()
                            .withBody(
                                new AssociateAliasRequestBody()
                                    .withAlias(alias)
                                    .withTargetKeyId(second)))
                    .getHttpStatusCode()
                == 200
            ? list(second, null, null).get(0).getAliases().get(0)
            : null;
    assertThat(moved.getKeyId()).isEqualTo(second);
    assertThat(Keys.encrypt(kms, alias, null, "x").getKeyId()).isEqualTo(second);
    int status =
        kms.deleteAlias(
                new DeleteAliasRequest()
                    .withBody(
                        new DeleteAliasRequestBody().withKeyId(second).withAliases(List.of(alias))))
            .getHttpStatusCode();
    assertThat(status).isEqualTo(204);
    assertThatThrownBy(() -> Keys.encrypt(kms, alias, null, "x"))
        .isInstanceOfSatisfying(
            ServiceResponseException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(404);
              assertThat(e.getErrorCode()).isEqualTo("KMS.0207");
            });
  }
}
