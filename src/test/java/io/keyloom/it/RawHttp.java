package io.keyloom.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends raw bytes over a fresh socket and reads exactly one final HTTP/1.x response, so tests can
 * say whether a hostile request got a complete answer, a silent close or nothing at all.
 */
final class RawHttp {
  private static final int MAX_BODY = 1 << 20;

  private RawHttp() {}

  /** How an exchange ended. */
  enum Outcome {
    /** A complete response was read. */
    ANSWERED,
    /** The server closed the connection before a status line. */
    CLOSED_WITHOUT_RESPONSE,
    /** The server closed the connection in the middle of a response. */
    TRUNCATED,
    /** Nothing arrived within the socket timeout. */
    TIMED_OUT,
    /** Bytes arrived that are not an HTTP/1.x response. */
    MALFORMED
  }

  /** One exchange: outcome, status, lower-cased headers and the body text. */
  record Exchange(Outcome outcome, int status, Map<String, String> headers, String body) {
    static Exchange failed(Outcome outcome) {
      return new Exchange(outcome, -1, Map.of(), "");
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Writes {@code request}, half-closes nothing, and reads one final response. */
  static Exchange exchange(int port, byte[] request, boolean head, int timeoutMillis) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMillis);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // The server may refuse early (431, 414) and reset while we are still writing; what it
        // answered before that is still readable.
      }
      return read(socket.getInputStream(), head);
    } catch (SocketTimeoutException e) {
      return Exchange.failed(Outcome.TIMED_OUT);
    } catch (IOException e) {
      return Exchange.failed(Outcome.CLOSED_WITHOUT_RESPONSE);
    }
  }

  /** Reads one final response from a connection (keep-alive: the next one can follow). */
  static Exchange read(InputStream in, boolean head) throws IOException {
    while (true) {
      String statusLine = readLine(in);
      if (statusLine == null) {
        return Exchange.failed(Outcome.CLOSED_WITHOUT_RESPONSE);
      }
      if (!statusLine.matches("HTTP/1\\.[01] [1-5][0-9]{2}( .*)?")) {
        return Exchange.failed(Outcome.MALFORMED);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      if (status < 200) {
        continue; // interim response (100 Continue): the final one follows
      }
      String body = head || status == 204 || status == 304 ? "" : body(in, headers);
      if (body == null) {
        return new Exchange(Outcome.TRUNCATED, status, headers, "");
      }
      return new Exchange(Outcome.ANSWERED, status, headers, body);
    }
  }

  private static String body(InputStream in, Map<String, String> headers) throws IOException {
    String length = headers.get("content-length");
    if (length != null) {
      int n = Integer.parseInt(length);
      byte[] bytes = in.readNBytes(Math.min(n, MAX_BODY));
      return bytes.length < n ? null : new String(bytes, StandardCharsets.UTF_8);
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return chunked(in);
    }
    return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
  }

  private static String chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = readLine(in);
      if (size == null) {
        return null;
      }
      int n = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (n == 0) {
        readLine(in);
        return out.toString(StandardCharsets.UTF_8);
      }
      out.write(in.readNBytes(n));
      readLine(in);
    }
  }

  /** One CRLF- or LF-terminated line, or null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
