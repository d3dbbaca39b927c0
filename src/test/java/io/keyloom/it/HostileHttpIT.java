package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each client fault of the HTTP layer gets a complete 4xx answer in error JSON with X-Request-Id,
 * never a 5xx, an empty body, a silent close or the client's own bytes echoed back.
 */
class HostileHttpIT extends ServerIT {
  private static final String KMS = "/v1.0/" + TestServer.PROJECT_ID + "/kms/";

  @Test
  void unsupportedExpect_is417_inErrorJson() throws IOException {
    RawHttp.Exchange e = send(post(KMS + "describe-key", "Expect: 200-ok\r\n", "{}"));
    assertError(e, 417, "KMS.0214");
  }

  @Test
  void badQueryEscape_onAnIamRoute_is400_notA500() throws IOException {
    for (String query : new String[] {"?name=%zz", "?name=%", "?name=%e", "?%%%=%"}) {
      RawHttp.Exchange e =
          send(
              "GET /v3/projects"
                  + query
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: "
                  + token
                  + "\r\nConnection: close\r\n\r\n");
      assertError(e, 400, "KMS.0201");
    }
  }

  @Test
  void badPathEscape_is400() throws IOException {
    assertError(send(get("/v1.0/%zz", "")), 400, "KMS.0201");
    assertError(send(get("/v1.0/%", "")), 400, "KMS.0201");
  }

  @Test
  void missingDuplicateOrMalformedHost_is400() throws IOException {
    String line = "GET /health HTTP/1.1\r\n";
    assertError(send(line + "Connection: close\r\n\r\n"), 400, "KMS.0214");
    assertError(send(line + "Host: a\r\nHost: b\r\nConnection: close\r\n\r\n"), 400, "KMS.0214");
    byte[] latin1 =
        (line + "Host: \u00ffhost\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertError(RawHttp.exchange(port(), latin1, false, 5000), 400, "KMS.0214");
    assertError(send(line + "Host: a b\r\nConnection: close\r\n\r\n"), 400, "KMS.0214");
  }

  @Test
  void tooLongUri_is414_andTooLargeHeaders_are431() throws IOException {
    assertError(send(get("/" + "a".repeat(5000), "")), 414, "KMS.0201");
    assertError(send(get("/health", "X-Big: " + "b".repeat(10_000) + "\r\n")), 431, "KMS.0214");
  }

  @Test
  void malformedRequestLine_is400() throws IOException {
    assertError(send("GARBAGE\r\n\r\n"), 400, "KMS.0214");
    assertError(send("GET /health HTTP/1.1 extra\r\nHost: x\r\n\r\n"), 400, "KMS.0214");
  }

  @Test
  void unknownHttpVersion_is400_andTheVersionTokenIsNotEchoed() throws IOException {
    for (String version : new String[] {"HTTP/9.9", "HTTP/2.0", "SECRETPROTO/1.1"}) {
      RawHttp.Exchange e =
          send("GET /health " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertError(e, 400, "KMS.0214");
      assertThat(e.body()).doesNotContain("SECRETPROTO");
    }
  }

  @Test
  void malformedChunkedFraming_is400_beforeTheClose() throws IOException {
    for (String framing : new String[] {"zz\r\n{}\r\n0\r\n\r\n", "fffffffffffffffff\r\n{}\r\n"}) {
      RawHttp.Exchange e =
          send(
              "POST "
                  + KMS
                  + "describe-key HTTP/1.1\r\nHost: x\r\nX-Auth-Token: "
                  + token
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + framing);
      assertError(e, 400, "KMS.0214");
    }
  }

  @Test
  void badContentLength_is400() throws IOException {
    for (String length : new String[] {"abc", "-1", "1, 2", "99999999999999999999"}) {
      RawHttp.Exchange e =
          send(
              "POST "
                  + KMS
                  + "describe-key HTTP/1.1\r\nHost: x\r\nContent-Length: "
                  + length
                  + "\r\n\r\n{}");
      assertThat(e.status()).as(length).isBetween(400, 499);
      assertError(e, e.status(), e.status() == 413 ? "KMS.0203" : "KMS.0214");
    }
  }

  private static void assertError(RawHttp.Exchange e, int status, String code) throws IOException {
    assertThat(e.outcome()).isEqualTo(RawHttp.Outcome.ANSWERED);
    assertThat(e.status()).as(e.body()).isEqualTo(status);
    assertThat(e.header("X-Request-Id")).matches("[0-9a-f]{32}");
    assertThat(e.header("Content-Type")).startsWith("application/json");
    JsonNode json = Http.JSON.readTree(e.body());
    assertThat(json.at("/error/error_code").asText()).isEqualTo(code);
    assertThat(json.at("/error/error_msg").asText()).isNotEmpty();
  }

  private static String post(String path, String headers, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: "
        + token
        + "\r\n"
        + headers
        + "Content-Length: "
        + body.length()
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  private static String get(String path, String headers) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + headers
        + "Connection: close\r\n\r\n";
  }

  private static RawHttp.Exchange send(String request) {
    return RawHttp.exchange(port(), request.getBytes(StandardCharsets.US_ASCII), false, 5000);
  }

  static int port() {
    String endpoint = server.endpoint();
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }
}
