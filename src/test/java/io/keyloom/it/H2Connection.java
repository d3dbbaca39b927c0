package io.keyloom.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/2 connection over TLS (ALPN h2) spoken frame by frame, for tests that need what no
 * client does: PINGing without a request, a request body that never ends. Header blocks use HPACK
 * literals without Huffman coding, which every decoder accepts.
 */
final class H2Connection implements AutoCloseable {
  static final int DATA = 0;
  static final int HEADERS = 1;
  static final int RST_STREAM = 3;
  static final int GOAWAY = 7;
  static final int END_STREAM = 1;
  static final int END_HEADERS = 4;
  private final SSLSocket socket;
  private final OutputStream out;
  private final DataInputStream in;

  /** A received frame. */
  record Frame(int type, int flags, int stream, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** Connects, negotiates h2 and sends the client preface with an empty SETTINGS frame. */
  H2Connection(TestCa ca, int port, int readTimeoutMillis) throws IOException {
    socket = (SSLSocket) ca.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
    SSLParameters params = socket.getSSLParameters();
    params.setApplicationProtocols(new String[] {"h2"});
    socket.setSSLParameters(params);
    socket.setSoTimeout(readTimeoutMillis);
    socket.startHandshake();
    if (!"h2".equals(socket.getApplicationProtocol())) {
      throw new IOException("h2 not negotiated");
    }
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    frame(4, 0, 0, new byte[0]);
  }

  synchronized void frame(int type, int flags, int stream, byte[] payload) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(9 + payload.length);
    b.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8));
    b.put((byte) payload.length).put((byte) type).put((byte) flags).putInt(stream).put(payload);
    out.write(b.array());
    out.flush();
  }

  /** Sends one SETTINGS parameter, e.g. 4 (SETTINGS_INITIAL_WINDOW_SIZE). */
  void setting(int id, int value) throws IOException {
    frame(4, 0, 0, ByteBuffer.allocate(6).putShort((short) id).putInt(value).array());
  }

  void ping() throws IOException {
    frame(6, 0, 0, new byte[8]);
  }

  /** Sends a request head on {@code stream}; {@code end} says whether a body follows. */
  void head(int stream, String method, String path, boolean end) throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    literal(block, ":method", method);
    literal(block, ":scheme", "https");
    literal(block, ":authority", "127.0.0.1");
    literal(block, ":path", path);
    literal(block, "content-type", "application/json");
    frame(HEADERS, END_HEADERS | (end ? END_STREAM : 0), stream, block.toByteArray());
  }

  void data(int stream, String text) throws IOException {
    frame(DATA, 0, stream, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the next frame; null when the server closed the connection. */
  Frame read() throws IOException {
    try {
      int length = in.readUnsignedByte() << 16 | in.readUnsignedShort();
      int type = in.readUnsignedByte();
      int flags = in.readUnsignedByte();
      int stream = in.readInt() & 0x7fffffff;
      byte[] payload = in.readNBytes(length);
      return new Frame(type, flags, stream, payload);
    } catch (java.io.EOFException | SocketException e) {
      return null;
    }
  }

  /**
   * Reads frames until one for {@code stream} ends it (or resets it); null if the server closed.
   */
  Frame readUntilEnd(int stream, StringBuilder data) throws IOException {
    while (true) {
      Frame f = read();
      if (f == null || f.stream() == stream && f.type() == RST_STREAM) {
        return f;
      }
      if (f.stream() == stream && f.type() == DATA) {
        data.append(f.text());
      }
      if (f.stream() == stream && (f.flags() & END_STREAM) != 0 && f.type() <= HEADERS) {
        return f;
      }
    }
  }

  /** True if the server closes the connection within {@code time}; frames are discarded. */
  boolean awaitClose(Duration time) throws IOException {
    long end = System.nanoTime() + time.toNanos();
    try {
      while (read() != null) {
        if (System.nanoTime() - end > 0) {
          return false;
        }
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  private static void literal(ByteArrayOutputStream block, String name, String value) {
    block.write(0); // literal header field without indexing, new name
    block.write(name.length());
    block.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
    block.write(value.length());
    block.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
