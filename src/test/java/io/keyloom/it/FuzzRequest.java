package io.keyloom.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A mutable HTTP/1.1 request that the fuzzer bends out of shape before serialising it raw. */
final class FuzzRequest {
  /** How the body is framed on the wire. */
  enum Framing {
    CONTENT_LENGTH,
    CHUNKED,
    /** The body bytes are written as given: the mutator wrote its own framing. */
    RAW
  }

  String method;
  String target;
  String version = "HTTP/1.1";
  final List<String[]> headers = new ArrayList<>();
  byte[] body = new byte[0];
  Framing framing = Framing.CONTENT_LENGTH;
  final List<String> mutations = new ArrayList<>();

  FuzzRequest(String method, String target) {
    this.method = method;
    this.target = target;
  }

  FuzzRequest header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  void removeHeader(String name) {
    headers.removeIf(h -> h[0].equalsIgnoreCase(name));
  }

  void setHeader(String name, String value) {
    removeHeader(name);
    header(name, value);
  }

  FuzzRequest body(String json) {
    body = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  boolean isHead() {
    return method.toUpperCase(Locale.ROOT).equals("HEAD");
  }

  /** The request as bytes: {@code Connection: close}, so one exchange is one connection. */
  byte[] serialize() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String line = method + " " + target + (version.isEmpty() ? "" : " " + version);
    write(out, line + "\r\n");
    for (String[] h : headers) {
      write(out, h[0] + (h[1] == null ? "" : ": " + h[1]) + "\r\n");
    }
    write(out, "Connection: close\r\n");
    switch (framing) {
      case CONTENT_LENGTH -> {
        write(out, "Content-Length: " + body.length + "\r\n\r\n");
        out.writeBytes(body);
      }
      case CHUNKED -> {
        write(out, "Transfer-Encoding: chunked\r\n\r\n");
        if (body.length > 0) {
          write(out, Integer.toHexString(body.length) + "\r\n");
          out.writeBytes(body);
          write(out, "\r\n");
        }
        write(out, "0\r\n\r\n");
      }
      case RAW -> {
        write(out, "\r\n");
        out.writeBytes(body);
      }
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    // ISO-8859-1 keeps every char below 256 as one byte, so mutators can write raw octets.
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
