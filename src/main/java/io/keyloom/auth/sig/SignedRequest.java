package io.keyloom.auth.sig;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * The parts of an HTTP request the signature covers, exactly as received.
 *
 * @param method the HTTP method as on the request line, e.g. {@code POST}
 * @param rawUri the request-target as on the wire, e.g. {@code //v1.0/p/kms/x?a=%7E}; never
 *     normalised, decoded or re-encoded by the HTTP layer
 * @param header looks a header up case-insensitively and returns its first value as received, or
 *     {@code null} if absent
 * @param body the de-chunked raw body bytes, never re-serialised; copied on the way in and out
 */
public record SignedRequest(
    String method, String rawUri, Function<String, String> header, byte[] body) {

  /** Validates that every part is present and copies the body. */
  public SignedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawUri, "rawUri");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    body = body.clone();
  }

  /** Returns a copy of the raw body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Compares by value, including the body bytes; the header function is compared by identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SignedRequest that
        && method.equals(that.method)
        && rawUri.equals(that.rawUri)
        && header.equals(that.header)
        && Arrays.equals(body, that.body);
  }

  /** Hashes method, request-target and body. */
  @Override
  public int hashCode() {
    return Objects.hash(method, rawUri, Arrays.hashCode(body));
  }

  /** Shows method, request-target and body length, never header values or body bytes. */
  @Override
  public String toString() {
    return "SignedRequest[" + method + " " + rawUri + ", body=" + body.length + " bytes]";
  }
}
