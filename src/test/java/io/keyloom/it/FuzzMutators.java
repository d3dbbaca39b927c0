package io.keyloom.it;

import static io.keyloom.it.FuzzCorpus.CANARY;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * The mutations of the HTTP fuzzer. Every mutation leaves a complete request on the wire (nothing
 * that only a timeout could end), so a server that answers every request is measurable.
 */
final class FuzzMutators {
  private static final String[] METHODS = {
    "GET",
    "POST",
    "PUT",
    "DELETE",
    "PATCH",
    "OPTIONS",
    "TRACE",
    "HEAD",
    "FOO",
    "post",
    "G\u0001T",
    "A".repeat(300),
    CANARY
  };
  private static final String[] VERSIONS = {
    "HTTP/1.0",
    "HTTP/2.0",
    "HTTP/0.9",
    "HTTP/1.2",
    "HTTP/9.9",
    CANARY + "/1.1",
    "HTTP/1.1x",
    "http/1.1",
    "HTTP/1.1 extra",
    "HTTP/" + CANARY
  };
  private static final String[] QUERIES = {
    "?name=%zz",
    "?name=%",
    "?name=%e9",
    "?domain_id=%G1&name=" + CANARY,
    "?name=%00",
    "?%%%=%",
    "?name=" + CANARY + "%2",
    "?name=a+b&name=%ff%fe",
    "?=&&=",
    "?name=%C0%AF"
  };
  private static final String[] PATHS = {
    "/%zz",
    "/v1.0/%",
    "/v1.0/" + TestServer.PROJECT_ID + "/kms/%zz" + CANARY,
    "/../../etc/passwd",
    "*",
    "http://127.0.0.1/health",
    "/v1.0//kms/create-key",
    "/a b",
    "/\u00e9" + CANARY,
    "/v1.0/" + TestServer.PROJECT_ID + "/kms/describe-key#" + CANARY,
    "",
    "/%2e%2e/%2fhealth"
  };
  private static final String[] HOSTS = {
    "",
    "a b",
    "[::1",
    "127.0.0.1:99999",
    "exa_mple.com",
    "\u00ff" + CANARY,
    "x".repeat(300),
    "localhost:abc",
    CANARY + ".example:80:81",
    "[" + CANARY + "]"
  };
  private static final String[] EXPECTS = {
    "100-continue", "200-ok", CANARY, "100-continue, foo", "", "100-Continue"
  };
  private static final String[] JSON = {
    "{\"key_alias\":123}",
    "{\"key_id\":true}",
    "{\"a\":1}{\"b\":2}",
    "{} x",
    "[]",
    "null",
    "\"str\"",
    "{",
    "",
    "{\"key_id\":\"\\ud800\"}",
    "{\"encryption_context\":{\"a\":\"\\ud800\"}}",
    "{\"encryption_context\":{\"\\udc00\":\"x\"}}",
    "{\"key_id\":1e999999}",
    "{\"limit\":123456789012345678901234567890}",
    "{\"limit\":1.5}",
    "{\"random_data_length\":-0}",
    "{\"plain_text\":null}",
    "{\"key_id\":[]}",
    "{\"key_id\":{}}",
    "{\"with_plain_text\":\"yes\"}",
    "{\"a\":\"\\u0000\"}",
    "\ufeff{}",
    "{\"pending_days\":\"" + CANARY + "\"}",
    "{\"auth\":{\"identity\":{\"methods\":\"password\"}}}",
    "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"duration_seconds\":\"900\"}}}}"
  };

  private FuzzMutators() {}

  static List<BiConsumer<FuzzRequest, Random>> all() {
    return List.of(
        (r, g) -> r.method = pick(g, METHODS),
        (r, g) -> r.version = pick(g, VERSIONS),
        (r, g) -> r.version = "",
        (r, g) -> r.target = r.target.split("\\?")[0] + pick(g, QUERIES),
        (r, g) -> r.target = pick(g, PATHS),
        (r, g) -> r.target = "/" + "a".repeat(4000 + g.nextInt(3000)),
        (r, g) -> r.setHeader("Host", pick(g, HOSTS)),
        (r, g) -> r.removeHeader("Host"),
        (r, g) -> r.header("Host", "second.example"),
        (r, g) -> r.header("Expect", pick(g, EXPECTS)),
        FuzzMutators::hugeHeaders,
        FuzzMutators::badHeaderLine,
        FuzzMutators::auth,
        (r, g) -> r.body(pick(g, JSON)),
        FuzzMutators::rawBytes,
        FuzzMutators::deepNesting,
        (r, g) -> r.body("{\"key_alias\":\"" + "a".repeat(70_000) + "\"}"),
        (r, g) -> r.setHeader("Content-Type", g.nextBoolean() ? "text/plain" : "\u0001" + CANARY));
  }

  /**
   * Mutations of the body framing; they run last, so that no later body change leaves a length or
   * chunk size promising bytes that never come.
   */
  static List<BiConsumer<FuzzRequest, Random>> framing() {
    return List.of(FuzzMutators::contentLength, FuzzMutators::chunked);
  }

  private static String pick(Random g, String[] values) {
    return values[g.nextInt(values.length)];
  }

  private static void contentLength(FuzzRequest r, Random g) {
    String[] values = {"-1", "abc", "99999999999999999999", "1 2", "+5", "0x10", CANARY};
    r.framing = FuzzRequest.Framing.RAW;
    switch (g.nextInt(4)) {
      case 0 -> r.header("Content-Length", pick(g, values));
      case 1 -> r.header("Content-Length", "" + r.body.length).header("Content-Length", "1");
      case 2 -> {
        String chunk = Integer.toHexString(r.body.length) + "\r\n";
        byte[] framed =
            (chunk + new String(r.body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        r.header("Content-Length", "" + r.body.length).header("Transfer-Encoding", "chunked");
        r.body = framed;
      }
      default -> r.header("Content-Length", "" + Math.max(0, r.body.length - 3));
    }
  }

  private static void chunked(FuzzRequest r, Random g) {
    if (g.nextBoolean()) {
      r.framing = FuzzRequest.Framing.CHUNKED;
      return;
    }
    String data = new String(r.body, StandardCharsets.ISO_8859_1);
    String[] framed = {
      "zz\r\n" + data + "\r\n0\r\n\r\n",
      "-1\r\n" + data + "\r\n0\r\n\r\n",
      "fffffffffffffffff\r\n" + data + "\r\n0\r\n\r\n",
      "1;" + CANARY + "=x\r\n{\r\n0\r\n\r\n",
      "0\r\n" + CANARY + ": x\r\n\r\n",
      "2\r\n" + data + "\r\n0\r\n\r\n",
      "0\r\n\r\n" + "garbage\r\n\r\n"
    };
    String[] encodings = {"chunked", "chunked", "gzip", "chunked, identity", "xchunked", "Chunked"};
    r.framing = FuzzRequest.Framing.RAW;
    r.header("Transfer-Encoding", pick(g, encodings));
    r.body = pick(g, framed).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void hugeHeaders(FuzzRequest r, Random g) {
    if (g.nextBoolean()) {
      r.header("X-Big", CANARY + "b".repeat(9000 + g.nextInt(8000)));
    } else {
      for (int i = 0; i < 150; i++) {
        r.header("X-Many-" + i, CANARY + "m".repeat(60));
      }
    }
  }

  private static void badHeaderLine(FuzzRequest r, Random g) {
    String[][] lines = {
      {"NoColon" + CANARY, null},
      {"Bad Header", CANARY},
      {" folded", CANARY},
      {"X-Nul", "a\0b"},
      {"X-Latin", "\u00e9\u00ff" + CANARY},
      {"", CANARY},
      {"X-Ctl", "\u0007" + CANARY}
    };
    String[] line = lines[g.nextInt(lines.length)];
    r.header(line[0], line[1]);
  }

  private static void auth(FuzzRequest r, Random g) {
    r.removeHeader("X-Auth-Token");
    switch (g.nextInt(5)) {
      case 0 -> r.header("X-Auth-Token", CANARY);
      case 1 ->
          r.header(
              "Authorization",
              "SDK-HMAC-SHA256 Access=" + CANARY + ", SignedHeaders=host, Signature=zz");
      case 2 -> r.header("Authorization", "Basic " + CANARY);
      case 3 -> r.header("Authorization", "SDK-HMAC-SHA256").header("X-Sdk-Date", CANARY);
      default -> {
        // no credentials at all
      }
    }
  }

  private static void rawBytes(FuzzRequest r, Random g) {
    byte[][] bodies = {
      {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
      {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}
    };
    r.body = bodies[g.nextInt(bodies.length)];
  }

  private static void deepNesting(FuzzRequest r, Random g) {
    int depth = 500 + g.nextInt(5000);
    String open = g.nextBoolean() ? "[" : "{\"a\":";
    r.body("{\"encryption_context\":" + open.repeat(depth) + "1");
  }
}
