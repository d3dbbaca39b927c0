package io.keyloom.http;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyCertOptions;
import java.util.LinkedHashSet;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/**
 * The HTTPS listener's settings: TLS 1.2 and 1.3 only, forward-secret AEAD suites only, HTTP/2 and
 * HTTP/1.1 by ALPN, and a plain-HTTP request answered with a 400 instead of a silent close
 * (docs/tls.md gives the reasons).
 */
final class TlsOptions {
  /** TLS 1.0 and 1.1 are deprecated by RFC 8996. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /**
   * TLS 1.3's AEAD suites, then TLS 1.2's ECDHE (forward secrecy) with AES-GCM or
   * ChaCha20-Poly1305: no RSA key exchange, no CBC, no SHA-1 MAC, no DHE. This is Mozilla's
   * "intermediate" profile without DHE; every suite is allowed by HTTP/2 (RFC 9113 §9.2.2). Order =
   * server preference.
   */
  static final List<String> CIPHER_SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private TlsOptions() {}

  /** Options for an HTTPS listener presenting the key and certificate chain in {@code keys}. */
  static HttpServerOptions https(KeyManagerFactory keys) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setSsl(true)
            .setKeyCertOptions(KeyCertOptions.wrap(keys))
            .setUseAlpn(true)
            .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
            .setEnabledSecureTransportProtocols(new LinkedHashSet<>(PROTOCOLS))
            .setSslEngineOptions(new PlainHttpRefusal());
    CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
    return options;
  }
}
