package io.keyloom.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.SigningAlgorithm;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;

/** Official Huawei Cloud SDK clients pointed at a test server. */
public final class Sdk {
  private Sdk() {}

  /** A client for alice's project cn-north-4. */
  public static KmsClient alice(TestServer server) {
    return client(server, TestServer.AK, TestServer.SK, TestServer.PROJECT_ID);
  }

  /** A client for bob's project in another domain. */
  public static KmsClient bob(TestServer server) {
    return client(server, TestServer.OTHER_AK, TestServer.OTHER_SK, TestServer.OTHER_PROJECT_ID);
  }

  public static KmsClient client(TestServer server, String ak, String sk, String projectId) {
    return client(server.endpoint(), ak, sk, projectId, HttpConfig.getDefaultHttpConfig());
  }

  /** A client with the given endpoint string and transport options, used as given. */
  public static KmsClient client(
      String endpoint, String ak, String sk, String projectId, HttpConfig config) {
    return KmsClient.newBuilder()
        .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId))
        .withEndpoints(java.util.List.of(endpoint))
        .withHttpConfig(config)
        .build();
  }

  /** Encrypts {@code plain} under {@code keyId} and decrypts it again; returns the plaintext. */
  public static String roundTrip(KmsClient kms, String keyId, String plain) {
    String cipher =
        kms.encryptData(
                new EncryptDataRequest()
                    .withBody(new EncryptDataRequestBody().withKeyId(keyId).withPlainText(plain)))
            .getCipherText();
    return kms.decryptData(
            new DecryptDataRequest().withBody(new DecryptDataRequestBody().withCipherText(cipher)))
        .getPlainText();
  }

  /** Alice's client signing with {@code algorithm}. */
  public static KmsClient alice(TestServer server, SigningAlgorithm algorithm) {
    return client(
        server.endpoint(),
        TestServer.AK,
        TestServer.SK,
        TestServer.PROJECT_ID,
        new HttpConfig().withSigningAlgorithm(algorithm));
  }
}
