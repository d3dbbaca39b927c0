package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {
  @Test
  void probe_ofAPortInUse_namesAddressAndCause() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> PortCheck.probe("127.0.0.1", port))
          .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
    }
  }

  @Test
  void probe_ofAFreePortOrPortZero_passesAndLeavesItFree() throws Exception {
    int free;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      free = s.getLocalPort();
    }
    PortCheck.probe("127.0.0.1", free);
    PortCheck.probe("127.0.0.1", 0);
    try (ServerSocket again = new ServerSocket(free, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(free);
    }
  }

  @Test
  void cannotListen_stripsTransportPrefixesFromTheOsCause() {
    assertThat(
            PortCheck.cannotListen(
                    "0.0.0.0", 80, new BindException("bind(..) failed: Permission denied"))
                .getMessage())
        .isEqualTo("cannot listen on 0.0.0.0:80: permission denied");
    assertThat(PortCheck.cannotListen("h", 1, new BindException()).getMessage())
        .isEqualTo("cannot listen on h:1: BindException");
  }
}
