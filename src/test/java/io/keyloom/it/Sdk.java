package io.keyloom.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.kms.v2.KmsClient;

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
    return KmsClient.newBuilder()
        .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId))
        .withEndpoints(java.util.List.of(server.endpoint()))
        .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(false))
        .build();
  }
}
