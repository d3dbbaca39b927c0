package io.keyloom.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection over a plain socket, for tests that need what no HTTP client does:
 * sending a request a byte at a time, holding a connection open, watching when the server closes.
 */
final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private volatile Thread trickler;

  /** A parsed response; {@code headers} keys are lower case. */
  record Response(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return Http.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String errorCode() {
      return json().path("error").path("error_code").asText(null);
    }
  }

  RawConnection(int port, Duration readTimeout) throws IOException {
    this(new Socket("127.0.0.1", port), readTimeout);
  }

  /** Over a given socket, e.g. a TLS one. */
  RawConnection(Socket socket, Duration readTimeout) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
    in = socket.getInputStream();
  }

  void readTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
  }

  void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Sends {@code text} one byte per {@code pause} in the background until done or cut off. */
  void trickle(String text, Duration pause) {
    Thread t =
        new Thread(
            () -> {
              try {
                for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                  socket.getOutputStream().write(b);
                  socket.getOutputStream().flush();
                  Thread.sleep(pause.toMillis());
                }
              } catch (IOException | InterruptedException e) {
                // cut off by the server, or the test is over
              }
            });
    t.setDaemon(true);
    t.start();
    trickler = t;
  }

  /** Reads one response, or returns null when the server closed the connection first. */
  Response read() throws IOException {
    String head = readHead();
    if (head == null) {
      return null;
    }
    String[] lines = head.split("\r\n");
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(
        Integer.parseInt(lines[0].split(" ")[1]),
        headers,
        new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Waits until the server closes the connection, discarding anything it sends.
   *
   * @return true if it closed (FIN or reset), false if the read timeout passed first
   */
  boolean awaitClose() throws IOException {
    try {
      while (in.read() >= 0) {
        // drain
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset by the server
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b;
      try {
        b = in.read();
      } catch (SocketException e) {
        return null; // reset by the server
      }
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    Thread t = trickler;
    if (t != null) {
      t.interrupt();
    }
    socket.close();
  }
}
