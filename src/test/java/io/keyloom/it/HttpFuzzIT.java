package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hostile HTTP over raw sockets: a fixed-seed corpus of a few thousand broken requests (request
 * lines, versions, Host, Expect, framing, huge headers and URIs, query escapes, hostile JSON) over
 * every route kind. Every request must get a complete 4xx-or-better answer in a documented error
 * shape with {@code X-Request-Id}, and the log must hold no stack trace and no request data.
 */
class HttpFuzzIT extends ServerIT {
  /** Overridable for a longer local run: {@code -Dfuzz.seed=N -Dfuzz.requests=100000}. */
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);

  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);
  private static final int TIMEOUT_MILLIS = 3000;

  @Test
  void fuzzedRequests_allGetACompleteDocumentedAnswer_andLeaveNoTraceInTheLog() {
    String keyId =
        call("create-key", "{\"key_alias\":\"fuzz-target\"}")
            .json()
            .at("/key_info/key_id")
            .asText();
    List<FuzzRequest> corpus = new FuzzCorpus(SEED, token, keyId).take(REQUESTS);
    Map<String, Integer> failures = new TreeMap<>();
    Map<String, String> examples = new TreeMap<>();
    StringBuilder report = new StringBuilder();
    String log =
        capturingStderr(
            () -> {
              for (FuzzRequest r : corpus) {
                RawHttp.Exchange e =
                    RawHttp.exchange(port(), r.serialize(), r.isHead(), TIMEOUT_MILLIS);
                String failure = judge(r, e);
                if (failure != null) {
                  report.append(failure).append(": ").append(describe(r, e)).append('\n');
                  failures.merge(failure, 1, Integer::sum);
                  examples.putIfAbsent(failure, describe(r, e));
                }
              }
            });
    countLog(log, failures, examples);
    writeReport(report.append("---- server log ----\n").append(log));
    failures.forEach((k, v) -> System.out.printf("%-40s %6d  e.g. %s%n", k, v, examples.get(k)));
    assertThat(failures).as("failures per category (examples: %s)", examples).isEmpty();
  }

  /** The failure category of one exchange, or null when the answer is as documented. */
  static String judge(FuzzRequest r, RawHttp.Exchange e) {
    if (e.outcome() != RawHttp.Outcome.ANSWERED) {
      return e.outcome().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (e.status() >= 500) {
      return "status " + e.status();
    }
    if (e.header("X-Request-Id") == null || !e.header("X-Request-Id").matches("[0-9a-f]{32}")) {
      return "no X-Request-Id";
    }
    if (e.body().contains(FuzzCorpus.CANARY)) {
      return "request data echoed";
    }
    if (r.isHead() || e.status() < 400) {
      return null;
    }
    return shapeFailure(e);
  }

  private static String shapeFailure(RawHttp.Exchange e) {
    String type = e.header("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return "error without JSON content type";
    }
    JsonNode json;
    try {
      json = Http.JSON.readTree(e.body());
    } catch (IOException ex) {
      return "error body not JSON";
    }
    if (json == null || !json.isObject()) {
      return "error body not JSON";
    }
    if ((e.status() == 401 || e.status() == 429) && json.has("error_code")) {
      return flatGatewayBody(json, e) ? null : e.status() + " not the flat APIGW body";
    }
    JsonNode error = json.path("error");
    boolean kms = error.path("error_code").isTextual() && error.path("error_msg").isTextual();
    boolean keystone =
        error.path("code").isInt()
            && error.path("message").isTextual()
            && error.path("title").isTextual();
    if (e.status() == 401 && kms) {
      return "401 not the flat APIGW body";
    }
    return kms || keystone ? null : "error body not in a documented shape";
  }

  private static boolean flatGatewayBody(JsonNode json, RawHttp.Exchange e) {
    return json.path("error_code").asText().startsWith("APIGW.")
        && json.path("error_msg").isTextual()
        && json.path("request_id").asText().equals(e.header("X-Request-Id"));
  }

  private static void countLog(
      String log, Map<String, Integer> failures, Map<String, String> examples) {
    boolean inTrace = false;
    for (String line : log.split("\n")) {
      boolean traceLine = line.startsWith("\tat ") || line.startsWith("Caused by: ");
      if (traceLine && !inTrace) {
        count(failures, examples, "log: stack trace", line);
      }
      inTrace = traceLine;
      if (line.contains(FuzzCorpus.CANARY)) {
        count(failures, examples, "log: request data logged", line);
      } else if (!traceLine && !line.isBlank()) {
        System.out.println("server log: " + line);
      }
    }
  }

  private static void count(
      Map<String, Integer> failures, Map<String, String> examples, String category, String line) {
    failures.merge(category, 1, Integer::sum);
    examples.putIfAbsent(category, line.length() > 200 ? line.substring(0, 200) : line);
  }

  /** Every failure in full, for the developer who has to fix it. */
  private static void writeReport(CharSequence report) {
    try {
      Files.writeString(Path.of("target", "http-fuzz-report.txt"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(FuzzRequest r, RawHttp.Exchange e) {
    String request =
        new String(r.serialize(), StandardCharsets.ISO_8859_1).replace(token, "<token>");
    String head = request.length() > 600 ? request.substring(0, 600) + "..." : request;
    return "["
        + e.status()
        + " "
        + e.body()
        + "] mutations "
        + r.mutations
        + " <- "
        + head.replace("\r\n", "\\r\\n");
  }

  private static int port() {
    String endpoint = server.endpoint();
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }

  /** Runs {@code body} while everything written to System.err is also kept, and returns that. */
  private static String capturingStderr(Runnable body) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    OutputStream tee =
        new OutputStream() {
          @Override
          public synchronized void write(int b) {
            captured.write(b);
            original.write(b);
          }

          @Override
          public synchronized void write(byte[] b, int off, int len) {
            captured.write(b, off, len);
            original.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(original);
    }
    synchronized (tee) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }
}
