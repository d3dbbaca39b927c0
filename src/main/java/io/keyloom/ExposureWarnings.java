package io.keyloom;

import io.keyloom.config.Loopback;
import io.keyloom.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One warning line at start for each thing a server reachable from other machines should not do:
 * serve plain HTTP, or serve the emulator controls that need no credentials (docs/emulator.md).
 */
final class ExposureWarnings {
  private static final Logger LOG = LoggerFactory.getLogger(KeyloomServer.class);

  private ExposureWarnings() {}

  static void log(ServerConfig config, boolean tls) {
    if (Loopback.isLoopback(config.host())) {
      return;
    }
    if (!tls) {
      LOG.warn(
          "serving plain HTTP on {}, which is not a loopback address: tokens, secret keys and"
              + " plaintexts cross the network unencrypted; use --tls-cert and --tls-key",
          config.host());
    }
    if (config.emulator()) {
      LOG.warn(
          "emulator controls are on at {}, which is not a loopback address: anyone who reaches"
              + " the port can reset every key and move the clock, without credentials; use"
              + " --emulator=false on a shared server",
          config.host());
    }
  }
}
