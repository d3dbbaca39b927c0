package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.util.Map;

/**
 * The tenants of the grant tests, on a server of their own: acme (alice, and carol with her own
 * access key; projects cn-north-4 and cn-south-1), globex (bob and erin) and initech (dave). User
 * ids come from logging in, as a real caller learns them.
 */
final class GrantWorld implements AutoCloseable {
  static final String GLOBEX_ID = "6b2d1f8e4c3e5d7f9a0b1c2d3e4f5a61";
  static final String GLOBEX_PROJECT_ID = TestServer.OTHER_PROJECT_ID;
  static final String INITECH_ID = "7c3e2a9f5d4f6e8a0b1c2d3e4f5a6b72";
  static final String INITECH_PROJECT_ID = "2c3d4e5f60718293a4b5c6d7e8f90a1b";

  static final String SEED =
      """
      domains:
        - name: acme
          id: 5a1c0e7f3b2d4c6e8f9a0b1c2d3e4f50
          projects:
            - name: cn-north-4
              id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
            - name: cn-south-1
              id: 1b2c3d4e5f60718293a4b5c6d7e8f90a
          users:
            - name: alice
              password: "Alice-Passw0rd!"
              access_keys:
                - access: ALICEACCESSKEY000001
                  secret: aliceSecretKey0000000000000000000000001
            - name: carol
              password: "Carol-Passw0rd!"
              access_keys:
                - access: CAROLACCESSKEY000001
                  secret: carolSecretKey0000000000000000000000001
        - name: globex
          id: 6b2d1f8e4c3e5d7f9a0b1c2d3e4f5a61
          projects:
            - name: cn-north-4
              id: 9f8e7d6c5b4a39281706f5e4d3c2b1a0
          users:
            - name: bob
              password: "Bob-Passw0rd!"
              access_keys:
                - access: BOBACCESSKEY00000001
                  secret: bobSecretKey00000000000000000000000000001
            - name: erin
              password: "Erin-Passw0rd!"
              access_keys:
                - access: ERINACCESSKEY0000001
                  secret: erinSecretKey000000000000000000000000001
        - name: initech
          id: 7c3e2a9f5d4f6e8a0b1c2d3e4f5a6b72
          projects:
            - name: cn-north-4
              id: 2c3d4e5f60718293a4b5c6d7e8f90a1b
          users:
            - name: dave
              password: "Dave-Passw0rd!"
              access_keys:
                - access: DAVEACCESSKEY0000001
                  secret: daveSecretKey000000000000000000000000001
      """;

  final TestServer server = TestServer.startWithSeed(SEED);
  final Http http = new Http(server.endpoint());
  final KmsClient alice = Sdk.alice(server);
  final KmsClient aliceSouth = client("ALICEACCESSKEY000001", TestServer.PROJECT_2_ID);
  final KmsClient carolNorth = client("CAROLACCESSKEY000001", TestServer.PROJECT_ID);
  final KmsClient carolSouth = client("CAROLACCESSKEY000001", TestServer.PROJECT_2_ID);
  final KmsClient bob = Sdk.bob(server);
  final KmsClient erin = client("ERINACCESSKEY0000001", GLOBEX_PROJECT_ID);
  final KmsClient dave = client("DAVEACCESSKEY0000001", INITECH_PROJECT_ID);
  final String aliceId = userId("acme", "alice", "Alice-Passw0rd!");
  final String carolId = userId("acme", "carol", "Carol-Passw0rd!");
  final String bobId = userId("globex", "bob", "Bob-Passw0rd!");
  final String erinId = userId("globex", "erin", "Erin-Passw0rd!");
  final String daveId = userId("initech", "dave", "Dave-Passw0rd!");

  private KmsClient client(String ak, String projectId) {
    String sk = SECRETS.get(ak);
    return Sdk.client(server, ak, sk, projectId);
  }

  private static final Map<String, String> SECRETS =
      Map.of(
          "ALICEACCESSKEY000001", "aliceSecretKey0000000000000000000000001",
          "CAROLACCESSKEY000001", "carolSecretKey0000000000000000000000001",
          "ERINACCESSKEY0000001", "erinSecretKey000000000000000000000000001",
          "DAVEACCESSKEY0000001", "daveSecretKey000000000000000000000000001");

  private String userId(String domain, String user, String password) {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"%s","domain":{"name":"%s"}}}}}}"""
            .formatted(user, password, domain);
    String id = http.post("/v3/auth/tokens", body, Map.of()).json().at("/token/user/id").asText();
    if (id.isEmpty()) {
      throw new AssertionError("no user id for " + user);
    }
    return id;
  }

  @Override
  public void close() {
    server.close();
  }
}
