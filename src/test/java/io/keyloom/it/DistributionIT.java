package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyloom.config.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release tarball run the way a user without Java runs it (docs/packaging.md): unpacked into an
 * empty directory and started through {@code bin/keyloom} with no java on the PATH and no
 * JAVA_HOME. Runs after {@code package} (surefire execution {@code dist-it}), never under -Dtest.
 */
class DistributionIT {
  private static Distribution dist;

  @BeforeAll
  static void unpack() throws Exception {
    dist = Distribution.unpack();
  }

  @AfterAll
  static void delete() {
    if (dist != null) {
      dist.close();
    }
  }

  @Test
  void tarball_holdsTheLauncherTheReleaseJarAndARuntime() throws Exception {
    try (Stream<Path> top = Files.list(dist.home)) {
      assertThat(top.map(p -> p.getFileName().toString())).containsOnly("bin", "lib", "runtime");
    }
    assertThat(dist.home.resolve("bin/keyloom")).isExecutable();
    assertThat(dist.home.resolve("runtime/bin/java")).isExecutable();
    try (Stream<Path> lib = Files.list(dist.home.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .as("the release jar alone: it must need nothing next to it")
          .containsExactly("keyloom.jar");
    }
    assertThat(Files.mismatch(dist.home.resolve("lib/keyloom.jar"), dist.releaseJar))
        .as("lib/keyloom.jar is the release jar")
        .isEqualTo(-1L);
  }

  @Test
  void releaseJar_isRunnableAndCarriesNoStaleSignatures() throws Exception {
    try (JarFile jar = new JarFile(dist.releaseJar.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.keyloom.Keyloom");
      assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
      assertThat(jar.stream().map(e -> e.getName()))
          .as("signature files of the merged signed jars (Bouncy Castle) would stop the JVM")
          .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
    }
  }

  @Test
  void version_withoutJavaOnThePath_printsTheBuildVersion() throws Exception {
    assertThat(dist.run("sh", "-c", "command -v java; echo \"JAVA_HOME=${JAVA_HOME:-}\"").output())
        .as("the test's own environment has no Java")
        .isEqualTo("JAVA_HOME=\n");
    Distribution.Result r = dist.run(dist.home.resolve("bin/keyloom").toString(), "--version");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output().strip()).isEqualTo("keyloom " + Distribution.version());
  }

  @Test
  void launcher_calledThroughALinkOnThePath_findsItsRuntime() throws Exception {
    Path link = dist.work.resolve("path/keyloom");
    Files.createSymbolicLink(link, dist.home.resolve("bin/keyloom"));
    Distribution.Result r = dist.run("sh", "-c", "cd / && keyloom --version");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output().strip()).isEqualTo("keyloom " + Distribution.version());
  }

  @Test
  void serve_withoutJava_runsOnTheBundledRuntimeAndRoundTripsKmsCalls() throws Exception {
    Path seed = dist.work.resolve("seed.yaml");
    Files.writeString(seed, TestServer.SEED, StandardCharsets.UTF_8);
    Path data = dist.work.resolve("data");
    try (Distribution.Server s =
        dist.serve("--data-dir", data.toString(), "--seed", seed.toString())) {
      assertThat(Path.of("/proc/" + s.process.pid() + "/exe").toRealPath())
          .as("the launcher execs the bundled java")
          .isEqualTo(dist.home.resolve("runtime/bin/java").toRealPath());
      Http http = new Http("http://127.0.0.1:" + s.port);
      assertThat(http.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
      String token =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      encryptDecrypt(http, token);
      signVerify(http, token);
      assertThat(s.log()).doesNotContain(TestServer.PASSWORD).doesNotContain("Exception");
    }
  }

  @Test
  void serve_withoutJava_speaksHttpsWithAnEcCertificate() throws Exception {
    try (TestCa ca = TestCa.create()) {
      TlsSettings tls = ca.writeServer(TestCa.KeyType.EC_P256, TestCa.KeyFormat.PKCS8);
      try (Distribution.Server s =
          dist.serve(
              "--data-dir", dist.work.resolve("tls-data").toString(),
              "--tls-cert", tls.certFile().toString(),
              "--tls-key", tls.keyFile().toString())) {
        assertThat(s.scheme).isEqualTo("https");
        HttpClient client = HttpClient.newBuilder().sslContext(ca.clientContext()).build();
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + s.port + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
      }
    }
  }

  private static void encryptDecrypt(Http http, String token) {
    String key = createKey(http, token, "dist-aes", "AES_256", "ENCRYPT_DECRYPT");
    String plain = "hello from a machine without Java";
    Http.Response encrypted =
        call(http, token, "encrypt-data", Map.of("key_id", key, "plain_text", plain));
    Http.Response decrypted =
        call(
            http,
            token,
            "decrypt-data",
            Map.of("cipher_text", encrypted.json().path("cipher_text").asText()));
    assertThat(decrypted.json().path("plain_text").asText()).isEqualTo(plain);
  }

  /** EC keys come from the JDK's SunEC provider: module jdk.crypto.ec. */
  private static void signVerify(Http http, String token) {
    String key = createKey(http, token, "dist-ec", "EC_P256", "SIGN_VERIFY");
    Map<String, String> message =
        Map.of(
            "key_id",
            key,
            "message",
            Base64.getEncoder().encodeToString("release".getBytes(StandardCharsets.UTF_8)),
            "signing_algorithm",
            "ECDSA_SHA_256",
            "message_type",
            "RAW");
    String signature = call(http, token, "sign", message).json().path("signature").asText();
    Map<String, String> verify = new java.util.HashMap<>(message);
    verify.put("signature", signature);
    assertThat(call(http, token, "verify", verify).json().path("signature_valid").asText())
        .isEqualTo("true");
  }

  private static String createKey(Http http, String token, String alias, String spec, String use) {
    Map<String, String> body = Map.of("key_alias", alias, "key_spec", spec, "key_usage", use);
    return call(http, token, "create-key", body).json().path("key_info").path("key_id").asText();
  }

  private static Http.Response call(
      Http http, String token, String operation, Map<String, String> fields) {
    JsonNode body = Http.JSON.valueToTree(fields);
    Http.Response r = http.kms(token, TestServer.PROJECT_ID, operation, body.toString());
    assertThat(r.status()).as(operation + " " + r.text()).isEqualTo(200);
    return r;
  }
}
