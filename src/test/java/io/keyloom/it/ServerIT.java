package io.keyloom.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of integration test classes: one real server per class, a plain HTTP client and a token for
 * alice's project cn-north-4.
 */
abstract class ServerIT {
  static TestServer server;
  static Http http;
  static String token;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
    http = new Http(server.endpoint());
    token = http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** A KMS call in alice's project with her token. */
  static Http.Response call(String operation, String body) {
    return http.kms(token, TestServer.PROJECT_ID, operation, body);
  }
}
