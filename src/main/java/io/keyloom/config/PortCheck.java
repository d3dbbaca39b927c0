package io.keyloom.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;

/**
 * Start checks for the listening address, run before anything is written to disk, with messages
 * that name the OS cause ("address already in use").
 */
public final class PortCheck {
  private PortCheck() {}

  /**
   * Binds and releases {@code host:port} once, so a port in use stops the start before the data dir
   * is created. The real bind can still fail (another process may take the port in between); it
   * reports its cause with {@link #cannotListen}. Port 0 always succeeds and is not probed.
   *
   * @throws IllegalStateException naming the address and the cause
   */
  public static void probe(String host, int port) {
    if (port == 0) {
      return;
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw cannotListen(host, port, "unknown host");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // as Vert.x binds: a port in TIME_WAIT is not "in use"
      socket.bind(address);
    } catch (IOException e) {
      throw cannotListen(host, port, e);
    }
  }

  /** "cannot listen on H:P: cause", the cause from the OS error, never a stack trace. */
  public static IllegalStateException cannotListen(String host, int port, Throwable cause) {
    return cannotListen(host, port, cause(cause));
  }

  private static IllegalStateException cannotListen(String host, int port, String cause) {
    return new IllegalStateException("cannot listen on " + host + ":" + port + ": " + cause);
  }

  /** The OS's reason for a failed bind, e.g. "address already in use", "permission denied". */
  static String cause(Throwable e) {
    String message = e == null ? null : e.getMessage();
    if (message == null || message.isBlank()) {
      return e == null ? "unknown cause" : e.getClass().getSimpleName();
    }
    // Netty's native transport prefixes "bind(..) failed: "; the JDK may add " (Bind failed)".
    String reason = message.replaceFirst("^bind\\(\\.\\.\\) failed: ", "");
    reason = reason.replaceFirst(" \\(Bind failed\\)$", "").lines().findFirst().orElse(reason);
    return reason.toLowerCase(Locale.ROOT);
  }
}
