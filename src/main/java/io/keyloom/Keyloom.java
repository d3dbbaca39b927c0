package io.keyloom;

import io.keyloom.config.ConnectionLimits;
import io.keyloom.config.Loopback;
import io.keyloom.config.PublicUrl;
import io.keyloom.config.ServerConfig;
import io.keyloom.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code keyloom} command line: {@code serve}, {@code admin}, {@code --version}, {@code
 * --help}.
 */
@Command(
    name = "keyloom",
    mixinStandardHelpOptions = true,
    versionProvider = Keyloom.Version.class,
    description = "A self-hosted KMS that speaks the Huawei Cloud KMS API.",
    subcommands = {Keyloom.Serve.class, AdminCommand.class})
public final class Keyloom implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line, with failures reported as one line on its error stream (exit 1): a bad flag
   * value as well as a failed start.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new Keyloom())
        .setParameterExceptionHandler(
            (e, args) -> {
              e.getCommandLine()
                  .getErr()
                  .println(
                      "keyloom: "
                          + oneLine(e.getMessage())
                          + " (see keyloom "
                          + e.getCommandLine().getCommandName()
                          + " --help)");
              return 1;
            })
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("keyloom: " + describe(e));
              return 1;
            });
  }

  /**
   * A one-line operator message without a stack trace. Only Keyloom's own message is shown: a
   * library's message (a YAML parser's, say) may quote the input, which can hold secrets.
   */
  static String describe(Throwable e) {
    if (e instanceof FileSystemException f) { // its message is the bare file name
      String reason = e instanceof AccessDeniedException ? "permission denied" : f.getReason();
      if (e instanceof NoSuchFileException) {
        reason = "no such file or directory";
      }
      return "cannot use " + f.getFile() + ": " + (reason == null ? "I/O error" : reason);
    }
    return oneLine(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code keyloom serve}: every flag has an environment twin, flags win. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      versionProvider = Keyloom.Version.class,
      description = "Run the KMS server until interrupted.")
  static final class Serve implements Callable<Integer> {
    @Option(
        names = "--host",
        defaultValue = "${env:KEYLOOM_HOST:-127.0.0.1}",
        description = "Address to bind (env KEYLOOM_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(
        names = "--port",
        defaultValue = "${env:KEYLOOM_PORT:-8080}",
        description = "TCP port, 0 for any free port (env KEYLOOM_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--data-dir",
        defaultValue = "${env:KEYLOOM_DATA_DIR:-./data}",
        description =
            "Directory for the database and root key (env KEYLOOM_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Mixin DbOptions db;

    @Option(
        names = "--seed",
        defaultValue = "${env:KEYLOOM_SEED}",
        description =
            "YAML seed file with domains, projects, users, access keys and keys (env"
                + " KEYLOOM_SEED).")
    Path seed;

    @Option(
        names = "--key-quota",
        defaultValue = "${env:KEYLOOM_KEY_QUOTA}",
        description =
            "Keys one project may hold, service default keys aside; create-key beyond it fails"
                + " with KMS.1105 (env KEYLOOM_KEY_QUOTA, default "
                + ServerConfig.DEFAULT_KEY_QUOTA
                + " as on Huawei, "
                + ServerConfig.EMULATOR_KEY_QUOTA
                + " with --emulator).")
    Integer keyQuota;

    @Option(
        names = "--emulator",
        arity = "0..1",
        fallbackValue = "true",
        defaultValue = "${env:KEYLOOM_EMULATOR}",
        description =
            "Serve the emulator controls under /keyloom/v1/ (reset, clock, faults) and a high"
                + " default key quota; --emulator=false turns them off (env KEYLOOM_EMULATOR,"
                + " default: on when --host is a loopback address, off otherwise).")
    Boolean emulator;

    @Option(
        names = "--throttle",
        defaultValue = "${env:KEYLOOM_THROTTLE:-0}",
        description =
            "KMS calls per second one project may make (a burst of N, then N per second; IAM"
                + " calls not counted); beyond it 429 APIGW.0308 as Huawei's gateway answers;"
                + " 0 = no limit (env KEYLOOM_THROTTLE, default ${DEFAULT-VALUE}).")
    int throttle;

    @Option(
        names = "--tls-cert",
        defaultValue = "${env:KEYLOOM_TLS_CERT}",
        description =
            "PEM certificate chain, server certificate first; with --tls-key the server speaks"
                + " only HTTPS (TLS 1.2/1.3, HTTP/2 and HTTP/1.1) (env KEYLOOM_TLS_CERT).")
    Path tlsCert;

    @Option(
        names = "--tls-key",
        defaultValue = "${env:KEYLOOM_TLS_KEY}",
        description =
            "PEM private key of --tls-cert, unencrypted: PKCS#8, RSA (2048+ bits) or EC"
                + " (env KEYLOOM_TLS_KEY).")
    Path tlsKey;

    @Option(
        names = "--public-url",
        defaultValue = "${env:KEYLOOM_PUBLIC_URL}",
        description =
            "URL clients reach the server under, e.g. https://kms.example.com; links such as"
                + " GET /'s use it instead of the Host header (env KEYLOOM_PUBLIC_URL).")
    String publicUrl;

    @Option(
        names = "--idle-timeout",
        defaultValue = "${env:KEYLOOM_IDLE_TIMEOUT:-60s}",
        description =
            "Close a keep-alive connection idle this long; 500ms, 10s, 2m or plain seconds"
                + " (env KEYLOOM_IDLE_TIMEOUT, default ${DEFAULT-VALUE}).")
    String idleTimeout;

    @Option(
        names = "--header-timeout",
        defaultValue = "${env:KEYLOOM_HEADER_TIMEOUT:-10s}",
        description =
            "Total time for a request head, from connect or its first byte; then 408"
                + " (env KEYLOOM_HEADER_TIMEOUT, default ${DEFAULT-VALUE}).")
    String headerTimeout;

    @Option(
        names = "--body-timeout",
        defaultValue = "${env:KEYLOOM_BODY_TIMEOUT:-30s}",
        description =
            "Total time for a request body after its head; then 408"
                + " (env KEYLOOM_BODY_TIMEOUT, default ${DEFAULT-VALUE}).")
    String bodyTimeout;

    @Option(
        names = "--max-connections",
        defaultValue = "${env:KEYLOOM_MAX_CONNECTIONS:-768}",
        description =
            "Open connections at most; beyond it the longest-waiting idle one is closed, or 503"
                + " (env KEYLOOM_MAX_CONNECTIONS, default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(
        names = "--audit-log",
        defaultValue = "${env:KEYLOOM_AUDIT_LOG}",
        description =
            "Audit log file (one JSON line per KMS and IAM request), '-' for standard output"
                + " (env KEYLOOM_AUDIT_LOG, default audit.log in the data dir).")
    String auditLog;

    @CommandLine.Mixin ObservabilityOptions observability;

    @CommandLine.Mixin RootKeyOptions rootKey = new RootKeyOptions();

    @Override
    public Integer call() throws Exception {
      observability.logFormat().install(); // before the first logger is made
      KeyloomServer server = KeyloomServer.start(config(), System.out);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  }));
      stopped.await();
      return 0;
    }

    /** The server's settings from the flags (and their env twins). */
    private ServerConfig config() {
      boolean emulatorOn = emulator != null ? emulator : Loopback.isLoopback(host);
      int quota =
          keyQuota != null
              ? keyQuota
              : emulatorOn ? ServerConfig.EMULATOR_KEY_QUOTA : ServerConfig.DEFAULT_KEY_QUOTA;
      return new ServerConfig(
          host,
          port,
          dataDir,
          Optional.ofNullable(seed),
          ServerConfig.DEFAULT_MAX_BODY_BYTES,
          Duration.ofHours(24),
          quota,
          TlsSettings.of(tlsCert, tlsKey),
          PublicUrl.of(publicUrl),
          connectionLimits(),
          emulatorOn,
          throttle,
          Optional.ofNullable(auditLog),
          observability.metrics,
          rootKey.config(),
          db.settings());
    }

    private ConnectionLimits connectionLimits() {
      return new ConnectionLimits(
          ConnectionLimits.parseDuration("--idle-timeout", idleTimeout),
          ConnectionLimits.parseDuration("--header-timeout", headerTimeout),
          ConnectionLimits.parseDuration("--body-timeout", bodyTimeout),
          maxConnections);
    }
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      return new String[] {"keyloom " + version()};
    }
  }

  /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Keyloom.class.getResourceAsStream("/keyloom-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return p.getProperty("version", "unknown");
  }
}
