package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyloom.Keyloom;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --log-format json} (docs/logging.md): a real server process whose standard error holds
 * only JSON objects, one per line, with the request id of the request that logged them, and no
 * secret.
 */
class JsonLogIT {
  @Test
  void jsonFormat_writesOneJsonObjectPerLine_withRequestIds() throws Exception {
    Path dir = Files.createTempDirectory("keyloom-jsonlog");
    try {
      Files.writeString(dir.resolve("seed.yaml"), TestServer.SEED);
      Process p = start(dir);
      try {
        String endpoint = endpoint(p, dir.resolve("out.log"));
        Http http = new Http(endpoint);
        String token =
            http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, "cn-north-4");
        Http.Response reset = http.post("/keyloom/v1/reset", null, Map.of());
        assertThat(reset.status()).isEqualTo(200);
        http.post("/keyloom/v1/clock", "{\"advance\":\"1s\"}", Map.of());
        List<JsonNode> lines = jsonLines(dir.resolve("err.log"));
        assertThat(lines)
            .anySatisfy(
                l -> {
                  assertThat(l.path("message").asText()).startsWith("emulator reset");
                  assertThat(l.path("request_id").asText()).isEqualTo(reset.header("X-Request-Id"));
                  assertThat(l.path("level").asText()).isEqualTo("INFO");
                  assertThat(l.path("logger").asText()).isEqualTo("io.keyloom.Emulator");
                  assertThat(l.path("time").asText()).endsWith("Z");
                });
        String text = Files.readString(dir.resolve("err.log"));
        assertThat(text)
            .doesNotContain(TestServer.SK)
            .doesNotContain(TestServer.PASSWORD)
            .doesNotContain(token.substring(0, 24));
      } finally {
        p.destroy();
        p.waitFor(20, TimeUnit.SECONDS);
      }
    } finally {
      TempDirs.delete(dir);
    }
  }

  @Test
  void unknownFormat_stopsTheStart_withOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cmd = Keyloom.commandLine();
    cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    int status = cmd.execute("serve", "--log-format", "yaml");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "keyloom: --log-format must be text or json, got 'yaml'" + System.lineSeparator());
  }

  private static Process start(Path dir) throws IOException {
    List<String> cmd = new ArrayList<>(KeyloomProcess.command());
    cmd.addAll(
        List.of(
            "serve",
            "--port",
            "0",
            "--data-dir",
            "data",
            "--seed",
            "seed.yaml",
            "--log-format",
            "json"));
    return new ProcessBuilder(cmd)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("out.log").toFile())
        .redirectError(dir.resolve("err.log").toFile())
        .start();
  }

  /** Waits for the listening line on standard output; returns the endpoint. */
  private static String endpoint(Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      String text = Files.readString(out);
      int at = text.indexOf("listening on ");
      int end = text.indexOf('\n', at);
      if (at >= 0 && end > at) {
        return text.substring(at + "listening on ".length(), end).strip();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no listening line: " + Files.readString(out));
  }

  /** Every line of standard error, each of which must be a JSON object. */
  private static List<JsonNode> jsonLines(Path err) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(err)) {
      JsonNode node = Http.JSON.readTree(line);
      assertThat(node.isObject()).as(line).isTrue();
      assertThat(node.has("time") && node.has("level") && node.has("logger") && node.has("message"))
          .as(line)
          .isTrue();
      lines.add(node);
    }
    assertThat(lines).isNotEmpty();
    return lines;
  }
}
