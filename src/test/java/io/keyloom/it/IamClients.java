package io.keyloom.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.auth.SigningAlgorithm;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.region.Region;
import com.huaweicloud.sdk.iam.v3.IamClient;
import com.huaweicloud.sdk.iam.v3.model.CreateTemporaryAccessKeyByTokenRequest;
import com.huaweicloud.sdk.iam.v3.model.CreateTemporaryAccessKeyByTokenRequestBody;
import com.huaweicloud.sdk.iam.v3.model.Credential;
import com.huaweicloud.sdk.iam.v3.model.IdentityToken;
import com.huaweicloud.sdk.iam.v3.model.TokenAuth;
import com.huaweicloud.sdk.iam.v3.model.TokenAuthIdentity;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.util.List;

/** Official KMS and IAM SDK clients against the running test server ({@link ServerIT#server}). */
final class IamClients {
  private IamClients() {}

  static KmsClient regional(String ak, String sk, String regionId) {
    return KmsClient.newBuilder()
        .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withIamEndpoint(endpoint()))
        .withRegion(new Region(regionId, endpoint()))
        .withHttpConfig(new HttpConfig())
        .build();
  }

  static IamClient iam(String ak, String sk) {
    String domainId = ak.equals(TestServer.AK) ? TestServer.DOMAIN_ID : null;
    GlobalCredentials credentials = new GlobalCredentials().withAk(ak).withSk(sk);
    if (domainId != null) {
      credentials.withDomainId(domainId);
    }
    return IamClient.newBuilder()
        .withCredential(credentials)
        .withEndpoints(List.of(endpoint()))
        .build();
  }

  static Credential temporary(String ak, String sk, int seconds) {
    return iam(ak, sk).createTemporaryAccessKeyByToken(tokenRequest(seconds)).getCredential();
  }

  static CreateTemporaryAccessKeyByTokenRequest tokenRequest(int seconds) {
    return new CreateTemporaryAccessKeyByTokenRequest()
        .withBody(
            new CreateTemporaryAccessKeyByTokenRequestBody()
                .withAuth(
                    new TokenAuth()
                        .withIdentity(
                            new TokenAuthIdentity()
                                .withMethods(List.of(TokenAuthIdentity.MethodsEnum.TOKEN))
                                .withToken(new IdentityToken().withDurationSeconds(seconds)))));
  }

  static KmsClient withTemporary(Credential c, String projectId, SigningAlgorithm alg) {
    return KmsClient.newBuilder()
        .withCredential(
            new BasicCredentials()
                .withAk(c.getAccess())
                .withSk(c.getSecret())
                .withSecurityToken(c.getSecuritytoken())
                .withProjectId(projectId))
        .withEndpoints(List.of(endpoint()))
        .withHttpConfig(new HttpConfig().withSigningAlgorithm(alg))
        .build();
  }

  private static String endpoint() {
    return ServerIT.server.endpoint();
  }
}
