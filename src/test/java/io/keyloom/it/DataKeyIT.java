package io.keyloom.it;

import static io.keyloom.it.DataKeys.body;
import static io.keyloom.it.DataKeys.concat;
import static io.keyloom.it.DataKeys.hex;
import static io.keyloom.it.DataKeys.sha256;
import static io.keyloom.it.DataKeys.sm3;
import static io.keyloom.it.DataKeys.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * create-datakey, create-datakey-without-plaintext, encrypt-datakey and decrypt-datakey through the
 * official SDK: sizes, round trips, and digests recomputed here (SHA-256 with the JDK under AES_256
 * CMKs, SM3 with Bouncy Castle under SM4 CMKs). Ciphertext format and binding are in {@link
 * DataKeyCiphertextIT}, refusals in {@link DataKeyErrorsIT}.
 */
class DataKeyIT extends ServerIT {
  static KmsClient alice;
  static String aes;
  static String sm4;

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    aes = Keys.create(alice, "AES_256", null);
    sm4 = Keys.create(alice, "SM4", null);
  }

  /** The digest Huawei pairs with a data key under this CMK, computed independently. */
  static byte[] digest(String cmk, byte[] dek) {
    return cmk.equals(sm4) ? sm3(dek) : sha256(dek);
  }

  static DecryptDatakeyResponse decrypt(String cmk, String cipherText, int length) {
    return DataKeys.decrypt(alice, cmk, cipherText, Integer.toString(length), null);
  }

  @Test
  void createDatakey_withNeitherSpecNorLength_gives256BitsThatDecryptDatakeyReturns() {
    for (String cmk : new String[] {aes, sm4}) {
      CreateDatakeyResponse created = DataKeys.create(alice, body(cmk, null, null, null));
      assertThat(created.getKeyId()).isEqualTo(cmk);
      byte[] dek = unhex(created.getPlainText());
      assertThat(dek).hasSize(32);

      DecryptDatakeyResponse opened = decrypt(cmk, created.getCipherText(), 32);

      assertThat(unhex(opened.getDataKey())).isEqualTo(dek);
      assertThat(opened.getDatakeyLength()).isEqualTo("32");
      assertThat(unhex(opened.getDatakeyDgst())).isEqualTo(digest(cmk, dek));
    }
  }

  @Test
  void datakeyDgst_isSha256UnderAesAndSm3UnderSm4() {
    byte[] dek = new byte[64];
    String aesCt =
        DataKeys.encrypt(alice, aes, hex(concat(dek, sha256(dek))), "64", null).getCipherText();
    String sm4Ct =
        DataKeys.encrypt(alice, sm4, hex(concat(dek, sm3(dek))), "64", null).getCipherText();
    // Huawei's documented example: SHA-256 of 64 zero bytes.
    assertThat(decrypt(aes, aesCt, 64).getDatakeyDgst())
        .isEqualToIgnoringCase("f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b");
    assertThat(unhex(decrypt(sm4, sm4Ct, 64).getDatakeyDgst())).isEqualTo(sm3(dek));
  }

  @ParameterizedTest(name = "key_spec {0} gives {1} bytes")
  @CsvSource({
    "AES_256,32",
    "AES_128,16",
    "SM4,16",
    "HMAC_256,32",
    "HMAC_384,48",
    "HMAC_512,64",
    "HMAC_SM3,32"
  })
  void createDatakey_withKeySpec_givesTheDocumentedSize(String spec, int bytes) {
    CreateDatakeyResponse created = DataKeys.create(alice, body(aes, spec, null, null));
    assertThat(unhex(created.getPlainText())).hasSize(bytes);
    assertThat(decrypt(aes, created.getCipherText(), bytes).getDataKey())
        .isEqualToIgnoringCase(created.getPlainText());
  }

  @ParameterizedTest(name = "datakey_length {0} bits")
  @ValueSource(ints = {8, 16, 128, 256, 512, 4096, 8192})
  void createDatakey_withDatakeyLength_givesThatManyBits(int bits) {
    for (String cmk : new String[] {aes, sm4}) {
      CreateDatakeyResponse created =
          DataKeys.create(alice, body(cmk, null, Integer.toString(bits), null));
      byte[] dek = unhex(created.getPlainText());
      assertThat(dek).hasSize(bits / 8);
      DecryptDatakeyResponse opened = decrypt(cmk, created.getCipherText(), bits / 8);
      assertThat(unhex(opened.getDataKey())).isEqualTo(dek);
      assertThat(unhex(opened.getDatakeyDgst())).isEqualTo(digest(cmk, dek));
    }
  }

  @Test
  void createDatakey_withSpecAndLength_usesTheLength() {
    CreateDatakeyResponse created = DataKeys.create(alice, body(aes, "AES_128", "512", null));
    assertThat(unhex(created.getPlainText())).hasSize(64);
  }

  @Test
  void createDatakey_givesAFreshKeyAndCiphertextEveryCall() {
    Set<String> keys = new HashSet<>();
    Set<String> ciphertexts = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      CreateDatakeyResponse created = DataKeys.create(alice, body(aes, "AES_128", null, null));
      keys.add(created.getPlainText());
      ciphertexts.add(created.getCipherText());
    }
    assertThat(keys).hasSize(20);
    assertThat(ciphertexts).hasSize(20);
  }

  @Test
  void createDatakeyWithoutPlaintext_sendsNoPlaintext_andItsCiphertextOpens() {
    Http.Response r = call("create-datakey-without-plaintext", "{\"key_id\":\"" + aes + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.has("plain_text")).isFalse();
    assertThat(json.path("key_id").asText()).isEqualTo(aes);

    String viaSdk = DataKeys.createWithoutPlaintext(alice, body(sm4, "AES_128", null, null));
    assertThat(unhex(decrypt(sm4, viaSdk, 16).getDataKey())).hasSize(16);
    String other = DataKeys.createWithoutPlaintext(alice, body(sm4, "AES_128", null, null));
    assertThat(decrypt(sm4, other, 16).getDataKey())
        .isNotEqualTo(decrypt(sm4, viaSdk, 16).getDataKey());
    assertThat(unhex(decrypt(aes, json.path("cipher_text").asText(), 32).getDataKey())).hasSize(32);
  }

  @ParameterizedTest(name = "{0}-byte DEK")
  @ValueSource(ints = {1, 16, 32, 64, 1024})
  void encryptDatakey_wrapsTheCallersKey_andDecryptDatakeyReturnsIt(int length) {
    for (String cmk : new String[] {aes, sm4}) {
      byte[] dek = ClientCrypto.randomBytes(length);
      EncryptDatakeyResponse wrapped =
          DataKeys.encrypt(
              alice, cmk, hex(concat(dek, digest(cmk, dek))), Integer.toString(length), null);
      assertThat(wrapped.getKeyId()).isEqualTo(cmk);
      assertThat(wrapped.getDatakeyLength()).isEqualTo(Integer.toString(length));

      DecryptDatakeyResponse opened = decrypt(cmk, wrapped.getCipherText(), length);

      assertThat(unhex(opened.getDataKey())).isEqualTo(dek);
      assertThat(unhex(opened.getDatakeyDgst())).isEqualTo(digest(cmk, dek));
      assertThat(opened.getDatakeyLength()).isEqualTo(Integer.toString(length));
    }
  }

  @Test
  void hexInput_isAcceptedInEitherCase() {
    byte[] dek = ClientCrypto.randomBytes(32);
    String plain = hex(concat(dek, sha256(dek)));
    String upper = DataKeys.encrypt(alice, aes, plain.toUpperCase(), "32", null).getCipherText();
    String lower = DataKeys.encrypt(alice, aes, plain, "32", null).getCipherText();
    assertThat(unhex(decrypt(aes, upper.toLowerCase(), 32).getDataKey())).isEqualTo(dek);
    assertThat(unhex(decrypt(aes, lower.toUpperCase(), 32).getDataKey())).isEqualTo(dek);
  }

  @Test
  void numbersOnTheWire_areJsonStrings() {
    byte[] dek = new byte[16];
    Http.Response wrapped =
        call(
            "encrypt-datakey",
            """
            {"key_id":"%s","plain_text":"%s","datakey_plain_length":"16"}"""
                .formatted(aes, hex(concat(dek, sha256(dek)))));
    assertThat(wrapped.json().get("datakey_length").isTextual()).isTrue();
    Http.Response opened =
        call(
            "decrypt-datakey",
            """
            {"key_id":"%s","cipher_text":"%s","datakey_cipher_length":"16"}"""
                .formatted(aes, wrapped.json().path("cipher_text").asText()));
    assertThat(opened.status()).as(opened.text()).isEqualTo(200);
    assertThat(opened.json().get("datakey_length").isTextual()).isTrue();
    assertThat(opened.json().get("datakey_length").asText()).isEqualTo("16");
  }
}
