package io.keyloom.auth.sig;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test helpers: a request as the HTTP layer would hand it over, and a fixed-clock verifier. */
final class Wire {
  static final String AK = "HPUAEXAMPLEAK0000001";
  static final String SK = "ExampleSecretKey0123456789abcdefghijklmn";
  static final String PROJECT = "0123456789abcdef0123456789abcdef";
  static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  static final String DATE = "20240101T000000Z";

  private Wire() {}

  /** A request whose header lookup is case-insensitive, like an HTTP server's. */
  static SignedRequest request(
      String method, String rawUri, Map<String, String> headers, byte[] body) {
    Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ci.putAll(headers);
    return new SignedRequest(method, rawUri, ci::get, body);
  }

  /** A request with a UTF-8 body. */
  static SignedRequest request(
      String method, String rawUri, Map<String, String> headers, String body) {
    return request(method, rawUri, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A permanent credential for {@link #AK} / {@link #SK}. */
  static AccessSecret permanent() {
    return new AccessSecret(AK, SK.getBytes(StandardCharsets.UTF_8), null, null);
  }

  /** A lookup that knows exactly one credential. */
  static SecretLookup only(AccessSecret secret) {
    return (ak, token) -> ak.equals(secret.accessKeyId()) ? Optional.of(secret) : Optional.empty();
  }

  /** A verifier over {@code secret} whose clock reads {@code now}, with a 15-minute window. */
  static AkSkVerifier verifier(AccessSecret secret, Instant now) {
    return new AkSkVerifier(only(secret), Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
  }

  /** A verifier over the example credential at 2024-01-01T00:00:00Z. */
  static AkSkVerifier verifier() {
    return verifier(permanent(), NOW);
  }
}
