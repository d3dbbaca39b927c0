package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport and encoding variations real clients produce. */
class EndpointQuirksIT extends ServerIT {
  private static String keyId;

  @BeforeAll
  static void createKey() {
    keyId = SdkSigningIT.createKey(Sdk.alice(server), "quirks");
  }

  @Test
  void endpointWithTrailingSlash_signsAndRoutesTheDoubleSlashPath() {
    KmsClient kms =
        Sdk.client(
            server.endpoint() + "/",
            TestServer.AK,
            TestServer.SK,
            TestServer.PROJECT_ID,
            new HttpConfig());
    String cipher =
        kms.encryptData(
                new EncryptDataRequest()
                    .withBody(new EncryptDataRequestBody().withKeyId(keyId).withPlainText("slash")))
            .getCipherText();
    assertThat(
            kms.decryptData(
                    new DecryptDataRequest()
                        .withBody(new DecryptDataRequestBody().withCipherText(cipher)))
                .getPlainText())
        .isEqualTo("slash");
  }

  @Test
  void clientWithoutProjectIdOrRegion_getsAClear400() {
    KmsClient kms =
        Sdk.client(server.endpoint(), TestServer.AK, TestServer.SK, null, new HttpConfig());
    assertThatThrownBy(() -> SdkSigningIT.createKey(kms, "no-project"))
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(400);
              assertThat(e.getErrorCode()).isEqualTo("KMS.0201");
              assertThat(e.getErrorMsg()).contains("withProjectId");
            });
  }

  @Test
  void doubleSlashPath_isServedOverPlainHttpToo() {
    Http.Response r =
        http.post(
            "//v1.0/" + TestServer.PROJECT_ID + "/kms/describe-key",
            "{\"key_id\":\"" + keyId + "\"}",
            Map.of("X-Auth-Token", token));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  @Test
  void escapedNonAsciiJson_meansTheSameCharacters() {
    String escaped = "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"h\\u00e9llo \\u4e16\\u754c\"}";
    Http.Response enc = call("encrypt-data", escaped);
    assertThat(enc.status()).as(enc.text()).isEqualTo(200);
    Http.Response dec =
        call(
            "decrypt-data", "{\"cipher_text\":\"" + enc.json().get("cipher_text").asText() + "\"}");
    assertThat(dec.json().get("plain_text").asText()).isEqualTo("héllo 世界");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json;charset=UTF-8",
        "application/json; charset=utf-8",
        "application/json;charset=utf8"
      })
  void jsonContentType_withOrWithoutCharset(String contentType) {
    Http.Response r =
        http.post(
            "/v1.0/" + TestServer.PROJECT_ID + "/kms/describe-key",
            "{\"key_id\":\"" + keyId + "\"}",
            Map.of("X-Auth-Token", token, "Content-Type", contentType));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().at("/key_info/key_id").asText()).isEqualTo(keyId);
  }

  @Test
  void chunkedAndFixedLengthBodies_shareOneKeepAliveConnection() throws IOException {
    String path = "/v1.0/" + TestServer.PROJECT_ID + "/kms/describe-key";
    byte[] body = ("{\"key_id\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port()))) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int round = 0; round < 3; round++) {
        writeChunked(out, path, body);
        assertDescribes(readResponse(in));
        writeFixedLength(out, path, body);
        assertDescribes(readResponse(in));
      }
    }
  }

  private static void assertDescribes(RawResponse r) throws IOException {
    assertThat(r.status).as(r.body).isEqualTo(200);
    JsonNode json = Http.JSON.readTree(r.body);
    assertThat(json.at("/key_info/key_id").asText()).isEqualTo(keyId);
  }

  private static String port() {
    return server.endpoint().substring(server.endpoint().lastIndexOf(':') + 1);
  }

  private static String head(String path, String framing) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + port()
        + "\r\nContent-Type: application/json;charset=UTF-8\r\nX-Auth-Token: "
        + token
        + "\r\n"
        + framing
        + "\r\n\r\n";
  }

  private static void writeChunked(OutputStream out, String path, byte[] body) throws IOException {
    out.write(head(path, "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
    int half = body.length / 2;
    writeChunk(out, body, 0, half);
    writeChunk(out, body, half, body.length - half);
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void writeChunk(OutputStream out, byte[] b, int off, int len) throws IOException {
    out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(b, off, len);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static void writeFixedLength(OutputStream out, String path, byte[] body)
      throws IOException {
    out.write(head(path, "Content-Length: " + body.length).getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private record RawResponse(int status, String body) {}

  /** Reads one response framed by Content-Length (what Keyloom sends). */
  private static RawResponse readResponse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    int length = -1;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    assertThat(length).as("Content-Length framing").isNotNegative();
    byte[] body = in.readNBytes(length);
    return new RawResponse(
        Integer.parseInt(statusLine.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
