package io.keyloom.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The validated settings of one server process, immutable once built.
 *
 * @param host the address to bind
 * @param port the TCP port; 0 picks a free port
 * @param dataDir the directory holding the database and the root key file
 * @param seedFile an optional YAML seed applied at start
 * @param maxBodyBytes the largest request body accepted on any route
 * @param tokenTtl how long an issued X-Auth-Token is valid
 * @param keyQuota how many keys (service default keys aside) one project may hold
 * @param tls the PEM certificate and key to serve HTTPS with; empty serves plain HTTP
 * @param publicUrl the URL clients reach the server under, for links; empty uses the Host header
 * @param connections timeouts and the connection cap (defaults when null)
 * @param emulator whether the emulator controls under {@code /keyloom/v1/} are served
 *     (docs/emulator.md)
 * @param throttle requests per second one project may make; beyond it 429 {@code APIGW.0308}; 0
 *     means no limit
 * @param auditLog {@code --audit-log}: the audit log's path, {@code -} for standard output, empty
 *     for {@code audit.log} in the data directory (docs/audit-log.md)
 * @param metrics {@code --metrics}: whether {@code GET /metrics} is served and meters are recorded
 *     (docs/metrics.md)
 * @param rootKey where the root key lives (docs/root-of-trust.md); null means the data dir
 * @param postgres {@code --db-url} with the credentials from the environment: the PostgreSQL
 *     database to use; empty for SQLite in the data directory (docs/postgresql.md)
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    Optional<Path> seedFile,
    int maxBodyBytes,
    Duration tokenTtl,
    int keyQuota,
    Optional<TlsSettings> tls,
    Optional<PublicUrl> publicUrl,
    ConnectionLimits connections,
    boolean emulator,
    int throttle,
    Optional<String> auditLog,
    boolean metrics,
    RootKeyConfig rootKey,
    Optional<PostgresSettings> postgres) {

  /** The default body limit: KMS bodies are small; 64 KiB leaves room for 8 KiB contexts. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /** The longest token lifetime, Huawei IAM's; verification refuses tokens claiming more. */
  public static final Duration MAX_TOKEN_TTL = Duration.ofHours(24);

  /** Huawei's default quota of custom keys (huawei-kms-api.md §3.1, §6.2). */
  public static final int DEFAULT_KEY_QUOTA = 20;

  /**
   * The key quota of an emulator when none is given: high enough that no test suite reaches it,
   * also with keys that stay pending deletion for days (docs/emulator.md). {@code --key-quota 20}
   * gives Huawei's.
   */
  public static final int EMULATOR_KEY_QUOTA = 100_000;

  /** Validates every field; a bad value stops the server at start with a clear message. */
  public ServerConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("--data-dir must be set");
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("body limit must be at least 1024 bytes");
    }
    if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("token lifetime must be positive and at most 24 hours");
    }
    if (keyQuota < 1) {
      throw new IllegalArgumentException("--key-quota must be at least 1, got " + keyQuota);
    }
    if (throttle < 0) {
      throw new IllegalArgumentException("--throttle must be 0 (off) or more, got " + throttle);
    }
    seedFile = seedFile == null ? Optional.empty() : seedFile;
    connections = connections == null ? ConnectionLimits.defaults() : connections;
    tls = tls == null ? Optional.empty() : tls;
    publicUrl = publicUrl == null ? Optional.empty() : publicUrl;
    auditLog = checkedAuditLog(auditLog);
    rootKey = rootKey == null ? RootKeyConfig.inDataDir() : rootKey;
    postgres = postgres == null ? Optional.empty() : postgres;
  }

  private static Optional<String> checkedAuditLog(Optional<String> auditLog) {
    if (auditLog != null && auditLog.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("--audit-log must not be empty");
    }
    return auditLog == null ? Optional.empty() : auditLog;
  }
}
