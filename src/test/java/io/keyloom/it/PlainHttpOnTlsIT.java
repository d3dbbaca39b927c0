package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plain-HTTP request to the HTTPS port gets a 400 in the documented error JSON saying the port
 * speaks HTTPS, then the connection closes; TLS clients are served as before.
 */
class PlainHttpOnTlsIT {
  static TestCa ca;
  static TestServer server;
  static int port;

  @BeforeAll
  static void start() {
    ca = TestCa.create();
    server =
        TestServer.startTls(ca.writeServer(TestCa.KeyType.EC_P256, TestCa.KeyFormat.TRADITIONAL));
    port = URI.create(server.endpoint()).getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
    ca.close();
  }

  /** Sends {@code request} over a raw socket and reads until the server closes. */
  static String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      // A hang would last until the 10 s TLS handshake timeout; the refusal is immediate.
      socket.setSoTimeout(1000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void assertHttpsStillServed() throws Exception {
    assertThat(TlsIT.get(ca, server, HttpClient.Version.HTTP_2, "/health").statusCode())
        .isEqualTo(200);
  }

  @Test
  void plainHttpRequest_getsA400SayingHttpsAndAClose() throws Exception {
    assertHttpsStillServed(); // warm up, so the one-second bound measures the refusal only
    String reply = raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(reply).startsWith("HTTP/1.1 400 Bad Request\r\n");
    String head = reply.substring(0, reply.indexOf("\r\n\r\n"));
    assertThat(head)
        .contains("Content-Type: application/json;charset=UTF-8", "Connection: close")
        .containsPattern("X-Request-Id: [0-9a-f]{32}");
    JsonNode error = Http.JSON.readTree(reply.substring(head.length() + 4)).path("error");
    assertThat(error.path("error_code").asText()).isEqualTo("KMS.0201");
    assertThat(error.path("error_msg").asText()).contains("HTTPS", "https://");
    assertHttpsStillServed();
  }

  @Test
  void jdkClientSpeakingPlainHttp_readsTheDocumentedError() throws Exception {
    Http.Response r = new Http("http://127.0.0.1:" + port).send("GET", "/health", null, Map.of());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.0201");
    assertThat(r.header("X-Request-Id")).hasSize(32);
    assertHttpsStillServed();
  }

  @Test
  void http2PriorKnowledgeAndGarbage_areRefusedTheSameWay() throws Exception {
    assertThat(raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    assertThat(raw("\u0000\u0001\u0002\u0003\u0004\u0005hello")).startsWith("HTTP/1.1 400 ");
    for (int i = 0; i < 20; i++) {
      assertThat(raw("POST /v3/auth/tokens HTTP/1.1\r\nHost: x\r\n\r\n"))
          .startsWith("HTTP/1.1 400 ");
    }
    assertHttpsStillServed();
  }

  /**
   * A client that negotiates h2 by ALPN and then speaks HTTP/1.x or garbage makes Netty's HTTP/2
   * codec fail with the request line (or a hex dump of the bytes) in its message; Vert.x logged it
   * at ERROR. Nothing the client sent may reach the log.
   */
  @Test
  void http1OrGarbageOnAnH2Connection_leavesNothingTheClientSentInTheLog() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      h2(("GET /v1.0/SECRETPATH/kms?token=SECRETQUERY HTTP/1.1\r\nHost: x\r\n\r\n"));
      h2("garbage SECRETBYTES\r\n\r\n");
      Thread.sleep(200); // the failure is logged on the event loop after the close
    } finally {
      System.setErr(original);
    }
    String text = log.toString(StandardCharsets.UTF_8);
    String hexOfSecret = HexFormat.of().formatHex("SECRET".getBytes(StandardCharsets.US_ASCII));
    assertThat(text).doesNotContain("SECRET").doesNotContainIgnoringCase(hexOfSecret);
    assertHttpsStillServed();
  }

  private static void h2(String request) throws Exception {
    try (SSLSocket socket =
        (SSLSocket) ca.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
      SSLParameters params = socket.getSSLParameters();
      params.setApplicationProtocols(new String[] {"h2"});
      socket.setSSLParameters(params);
      socket.setSoTimeout(2000);
      socket.startHandshake();
      assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.getInputStream().readAllBytes(); // GOAWAY, then the server closes
    }
  }
}
