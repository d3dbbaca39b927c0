package io.keyloom.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Whether a bind address keeps the server on this machine. */
public final class Loopback {
  private Loopback() {}

  /**
   * True when every address {@code host} stands for is a loopback address (127.0.0.0/8, ::1,
   * localhost). The wildcard addresses (0.0.0.0, ::), LAN and public addresses, and names that do
   * not resolve are not: for those, plain HTTP would carry tokens and key material over a network.
   */
  public static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      return addresses.length > 0
          && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
