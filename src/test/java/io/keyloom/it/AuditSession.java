package io.keyloom.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session of every kind of call that carries a secret (login, temporary credentials, create,
 * encrypt, data keys, sign, MAC, import), through the SDK and plain HTTP, collecting each secret it
 * sends or receives for {@link AuditLogIT} to look for in the audit log.
 */
final class AuditSession {
  final Set<String> secrets = new LinkedHashSet<>();
  private final TestServer server;
  private final KmsClient alice;
  private final Http http;

  AuditSession(TestServer server) {
    this.server = server;
    this.alice = Sdk.alice(server);
    this.http = new Http(server.endpoint());
    secret(TestServer.SK);
    secret(TestServer.PASSWORD);
  }

  /** Adds a secret as sent on the wire. */
  String secret(String s) {
    secrets.add(s);
    return s;
  }

  /** Adds raw secret bytes in every encoding the API uses for them. */
  void secret(byte[] b) {
    secrets.add(Base64.getEncoder().encodeToString(b));
    secrets.add(HexFormat.of().formatHex(b));
    secrets.add(HexFormat.of().withUpperCase().formatHex(b));
  }

  /** A password login; returns the token. */
  String login() {
    return secret(
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT));
  }

  /** Temporary credentials from a token, and an SDK client signing with them. */
  KmsClient temporary(String token) {
    Http.Response r =
        http.post(
            "/v3.0/OS-CREDENTIAL/securitytokens",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"token\":{\"duration_seconds\":900}}}}",
            Map.of("X-Auth-Token", token));
    var c = r.json().path("credential");
    String sk = secret(c.path("secret").asText());
    String securityToken = secret(c.path("securitytoken").asText());
    return KmsClient.newBuilder()
        .withCredential(
            new BasicCredentials()
                .withAk(c.path("access").asText())
                .withSk(sk)
                .withSecurityToken(securityToken)
                .withProjectId(TestServer.PROJECT_ID))
        .withEndpoints(List.of(server.endpoint()))
        .withHttpConfig(HttpConfig.getDefaultHttpConfig())
        .build();
  }

  /** encrypt-data and decrypt-data of a fresh plaintext under a new AES key by {@code client}. */
  String encryptDecrypt(KmsClient client) {
    String keyId = Keys.create(alice, "AES_256", null);
    String plain =
        secret("audit-plaintext-" + HexFormat.of().formatHex(ClientCrypto.randomBytes(8)));
    String cipher = secret(Keys.encrypt(client, keyId, null, plain).getCipherText());
    Keys.decrypt(client, keyId, "SYMMETRIC_DEFAULT", cipher);
    return keyId;
  }

  /** create-datakey and decrypt-datakey. */
  void dataKeys(String keyId) {
    CreateDatakeyResponse dk = DataKeys.create(alice, DataKeys.body(keyId, null, "256", null));
    secret(dk.getPlainText());
    secret(dk.getPlainText().toLowerCase());
    secret(dk.getCipherText());
    DataKeys.decrypt(alice, keyId, dk.getCipherText(), "32", null);
  }

  /** sign and verify a message with an EC key. */
  void sign() {
    String keyId = Keys.create(alice, "EC_P256", "SIGN_VERIFY");
    byte[] message = ClientCrypto.randomBytes(24);
    secret(message);
    byte[] signature = Keys.sign(alice, keyId, "ECDSA_SHA_256", "RAW", message);
    secret(signature);
    Keys.verify(alice, keyId, "ECDSA_SHA_256", "RAW", message, signature);
  }

  /** generate-mac and verify-mac. */
  void mac() {
    String keyId = Keys.create(alice, "HMAC_256", "GENERATE_VERIFY_MAC");
    byte[] message = "audit mac message 0xC0FFEE".getBytes(StandardCharsets.UTF_8);
    secret(message);
    String mac = secret(Macs.generate(alice, keyId, "HMAC_SHA_256", message).getMac());
    Macs.verify(alice, keyId, "HMAC_SHA_256", message, mac);
  }

  /** BYOK: wrapping parameters, then import of fresh AES material. */
  void importMaterial() {
    String keyId = Byok.createExternal(alice, "AES_256", null);
    CreateParametersForImportResponse p = Byok.parameters(alice, keyId, "RSAES_OAEP_SHA_256");
    secret(p.getImportToken());
    byte[] material = ClientCrypto.randomBytes(32);
    secret(material);
    String wrapped = secret(Byok.wrap("RSAES_OAEP_SHA_256", p.getPublicKey(), material));
    Byok.importMaterial(alice, keyId, p.getImportToken(), wrapped, null, null);
  }
}
