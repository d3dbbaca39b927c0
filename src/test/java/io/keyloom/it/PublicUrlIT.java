package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code --public-url}, version links use it and never the client's Host header. */
class PublicUrlIT {
  static final String PUBLIC_URL = "https://kms.example.test/keyloom";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.startWithPublicUrl(PUBLIC_URL + "/");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void versions_linkToThePublicUrl() {
    Http http = new Http(server.endpoint());
    Http.Response all = http.send("GET", "/", null, Map.of());
    VersionsIT.assertV1(all.json().path("versions").get(0), PUBLIC_URL);
    Http.Response one = http.send("GET", "/v1.0", null, Map.of());
    VersionsIT.assertV1(one.json().path("version"), PUBLIC_URL);
  }

  @Test
  void hostileHostHeader_neverReachesTheLinks() throws Exception {
    for (String path : new String[] {"/", "/v1.0"}) {
      // A well-formed but foreign host: without --public-url it would be echoed as a link.
      try (Socket socket = new Socket("127.0.0.1", URI.create(server.endpoint()).getPort())) {
        socket
            .getOutputStream()
            .write(
                ("GET " + path + " HTTP/1.1\r\nHost: evil.example:666\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String reply =
            new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(reply).startsWith("HTTP/1.1 200").doesNotContain("evil");
        assertThat(reply).contains("\"href\":\"" + PUBLIC_URL + "/v1.0/\"");
      }
    }
  }
}
