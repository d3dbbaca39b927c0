package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.TlsSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyloom serve} with the TLS and public-URL flags as an operator runs it (separate JVM):
 * help text, one-line start errors, the https listening line, and the single warning for plain HTTP
 * on a non-loopback address.
 */
class TlsOperatorIT {
  /** Data directories of the started processes; JUnit deletes it after each test. */
  @TempDir Path dir;

  private static final Pattern LISTENING =
      Pattern.compile("listening on (https?)://([^ ]+):(\\d+)$");

  record Started(OperatorContractIT.Started process, String scheme, String host) {}

  /** Starts a server process and returns it once it prints its listening line. */
  static Started serve(ProcessBuilder pb) throws IOException {
    java.lang.Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder log = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      log.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return new Started(
            new OperatorContractIT.Started(p, Integer.parseInt(m.group(3)), log.toString()),
            m.group(1),
            m.group(2));
      }
    }
    throw new AssertionError("server exited before listening:\n" + log);
  }

  static long warnings(String log) {
    return log.lines().filter(l -> l.contains(" WARN ")).count();
  }

  static String runToExit(String... args) throws Exception {
    java.lang.Process p = OperatorContractIT.keyloom(args).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(text).isEqualTo(1);
    return text;
  }

  @Test
  void serveHelp_namesTheTlsAndPublicUrlFlagsAndTheirEnvTwins() throws Exception {
    java.lang.Process p = OperatorContractIT.keyloom("serve", "--help").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(text)
        .contains("--tls-cert", "KEYLOOM_TLS_CERT", "--tls-key", "KEYLOOM_TLS_KEY")
        .contains("--public-url", "KEYLOOM_PUBLIC_URL");
  }

  @Test
  void tlsCertWithoutKey_orBadPublicUrl_stopsTheStartWithOneLine() throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(runToExit("serve", "--port", "0", "--data-dir", data, "--tls-cert", "c.pem").strip())
        .isEqualTo("keyloom: --tls-cert and --tls-key must be given together");
    assertThat(runToExit("serve", "--port", "0", "--data-dir", data, "--public-url", "x").strip())
        .isEqualTo(
            "keyloom: --public-url is invalid: it must be an absolute http:// or https:// URL");
    assertThat(dir.resolve("data"))
        .as("nothing created before the settings are valid")
        .doesNotExist();
  }

  @Test
  void plainHttpOnTheWildcardAddress_warnsExactlyOnce() throws Exception {
    ProcessBuilder pb =
        OperatorContractIT.keyloom(
            "serve", "--host", "0.0.0.0", "--port", "0", "--data-dir", dir.toString());
    Started s = serve(pb);
    try (OperatorContractIT.Started process = s.process()) {
      assertThat(s.scheme()).isEqualTo("http");
      assertThat(warnings(process.log())).as(process.log()).isEqualTo(1);
      assertThat(process.log()).contains("not a loopback address", "--tls-cert");
      // Only loopback traffic: the wildcard bind includes 127.0.0.1.
      Http http = new Http("http://127.0.0.1:" + process.port());
      assertThat(http.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
    }
  }

  @Test
  void plainHttpOnLoopback_doesNotWarn() throws Exception {
    Started s =
        serve(
            OperatorContractIT.keyloom(
                "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString()));
    try (OperatorContractIT.Started process = s.process()) {
      assertThat(warnings(process.log())).as(process.log()).isZero();
    }
  }

  @Test
  void tlsFromEnvOnTheWildcardAddress_servesHttpsWithThePublicUrlAndDoesNotWarn() throws Exception {
    try (TestCa ca = TestCa.create()) {
      serveHttpsFromEnv(ca);
    }
  }

  private void serveHttpsFromEnv(TestCa ca) throws Exception {
    TlsSettings tls = ca.writeServer(TestCa.KeyType.EC_P256, TestCa.KeyFormat.TRADITIONAL);
    ProcessBuilder pb = OperatorContractIT.keyloom("serve");
    pb.environment().put("KEYLOOM_HOST", "0.0.0.0");
    pb.environment().put("KEYLOOM_PORT", "0");
    pb.environment().put("KEYLOOM_DATA_DIR", dir.toString());
    pb.environment().put("KEYLOOM_TLS_CERT", tls.certFile().toString());
    pb.environment().put("KEYLOOM_TLS_KEY", tls.keyFile().toString());
    pb.environment().put("KEYLOOM_PUBLIC_URL", "https://kms.example.test/");
    Started s = serve(pb);
    try (OperatorContractIT.Started process = s.process()) {
      assertThat(s.scheme()).isEqualTo("https");
      assertThat(warnings(process.log())).as(process.log()).isZero();
      HttpClient client = HttpClient.newBuilder().sslContext(ca.clientContext()).build();
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(
                      java.net.URI.create("https://127.0.0.1:" + process.port() + "/"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(Http.JSON.readTree(r.body()).at("/versions/0/links/0/href").asText())
          .isEqualTo("https://kms.example.test/v1.0/");
    }
  }
}
