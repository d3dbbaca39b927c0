package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code openssl s_client} as an independent TLS client against an RSA-certificate server: which
 * protocol versions, cipher suites and ALPN protocols the server accepts and which it refuses.
 */
class TlsHandshakeIT {
  static TestServer server;
  static TestCa ca;
  static Path caFile;

  @BeforeAll
  static void start() throws IOException {
    OpenSsl.require();
    ca = TestCa.create();
    // RSA: the weak suites below need an RSA certificate to be negotiable at all.
    server = TestServer.startTls(ca.writeServer(TestCa.KeyType.RSA_2048, TestCa.KeyFormat.PKCS8));
    caFile = Files.createTempFile("keyloom-ca", ".pem");
    Files.writeString(caFile, ca.caPem());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (ca != null) {
      ca.close();
    }
    TempDirs.delete(caFile);
  }

  record Result(int exitCode, String output) {
    boolean connected() {
      return exitCode == 0 && output.contains("Verify return code: 0 (ok)");
    }
  }

  /** One handshake; stdin is empty, so s_client quits right after it. */
  static Result sClient(String... options) {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect"));
    cmd.add("127.0.0.1:" + URI.create(server.endpoint()).getPort());
    cmd.addAll(List.of("-CAfile", caFile.toString(), "-verify_return_error"));
    cmd.addAll(List.of(options));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, out);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void tls12AndTls13_connect() {
    Result tls12 = sClient("-tls1_2");
    assertThat(tls12.connected()).as(tls12.output()).isTrue();
    assertThat(tls12.output()).contains("TLSv1.2");
    Result tls13 = sClient("-tls1_3");
    assertThat(tls13.connected()).as(tls13.output()).isTrue();
    assertThat(tls13.output()).contains("TLSv1.3");
  }

  @Test
  void tls10AndTls11_areRefusedByTheServer() {
    for (String version : List.of("-tls1", "-tls1_1")) {
      // SECLEVEL=0 makes OpenSSL 3 offer the old version at all: the refusal must be the server's.
      Result r = sClient(version, "-cipher", "DEFAULT@SECLEVEL=0");
      assertThat(r.connected()).as(version).isFalse();
      assertThat(r.output()).as(version).contains("alert protocol version");
    }
  }

  @Test
  void weakTls12Suites_areRefused() {
    List<String> weak =
        List.of(
            "AES128-SHA", // RSA key exchange (no forward secrecy), CBC, SHA-1
            "AES256-GCM-SHA384", // RSA key exchange
            "ECDHE-RSA-AES128-SHA", // CBC with SHA-1
            "ECDHE-RSA-AES256-SHA384", // CBC
            "DHE-RSA-AES128-GCM-SHA256"); // finite-field DHE
    for (String suite : weak) {
      Result r = sClient("-tls1_2", "-cipher", suite);
      assertThat(r.connected()).as(suite).isFalse();
      assertThat(r.output()).as(suite).contains("handshake failure");
    }
  }

  @Test
  void forwardSecretAeadTls12Suites_connect() {
    for (String suite :
        List.of(
            "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-RSA-CHACHA20-POLY1305")) {
      Result r = sClient("-tls1_2", "-cipher", suite);
      assertThat(r.connected()).as(suite + "\n" + r.output()).isTrue();
      assertThat(r.output()).contains("Cipher is " + suite);
    }
  }

  @Test
  void alpn_offersH2AndHttp11() {
    assertThat(sClient("-alpn", "h2").output()).contains("ALPN protocol: h2");
    assertThat(sClient("-alpn", "http/1.1").output()).contains("ALPN protocol: http/1.1");
  }
}
