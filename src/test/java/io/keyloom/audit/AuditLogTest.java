package io.keyloom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's file, order, durability and line shape (docs/audit-log.md). */
class AuditLogTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T10:15:30.123456Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  static AuditEvent event(String requestId, String keyId, int status, String errorCode) {
    return new AuditEvent(
        requestId,
        "kms",
        "POST",
        "create-key",
        new AuditEvent.Caller("u1", "d1", "p1", "aksk"),
        keyId,
        status,
        errorCode,
        "127.0.0.1");
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(dir.resolve(AuditFiles.DEFAULT_NAME));
  }

  @Test
  void aDurableRecord_isInTheFileWhenRecordReturns_withEveryField() throws IOException {
    try (AuditLog log = AuditFiles.open(Optional.empty(), dir, CLOCK)) {
      log.record(event("r1", "k1", 200, null), true);
      List<String> lines = lines();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0))
          .isEqualTo(
              "{\"time\":\"2026-12-02T10:15:30.123Z\",\"request_id\":\"r1\",\"service\":\"kms\","
                  + "\"method\":\"POST\",\"operation\":\"create-key\",\"caller\":{\"user_id\":"
                  + "\"u1\",\"domain_id\":\"d1\",\"project_id\":\"p1\",\"auth_method\":\"aksk\"},"
                  + "\"key_id\":\"k1\",\"status\":200,\"error_code\":null,\"client_address\":"
                  + "\"127.0.0.1\"}");
    }
  }

  @Test
  void queuedRecords_areWrittenInOrder_beforeALaterDurableOne() throws IOException {
    try (AuditLog log = AuditFiles.open(Optional.empty(), dir, CLOCK)) {
      for (int i = 0; i < 500; i++) {
        log.record(event("q" + i, null, 200, null), false);
      }
      log.record(event("last", null, 403, "KMS.0303"), true);
      List<String> lines = lines();
      assertThat(lines).hasSize(501);
      for (int i = 0; i < 500; i++) {
        assertThat(JSON.readTree(lines.get(i)).path("request_id").asText()).isEqualTo("q" + i);
      }
      JsonNode last = JSON.readTree(lines.get(500));
      assertThat(last.path("error_code").asText()).isEqualTo("KMS.0303");
      assertThat(last.path("key_id").isNull()).isTrue();
    }
  }

  @Test
  void close_writesWhatIsQueued() throws IOException {
    AuditLog log = AuditFiles.open(Optional.empty(), dir, CLOCK);
    log.record(event("a", null, 200, null), false);
    log.close();
    assertThat(lines()).hasSize(1);
  }

  @Test
  void reopening_appends_andTheFileIsOwnerOnly() throws IOException {
    try (AuditLog log = AuditFiles.open(Optional.empty(), dir, CLOCK)) {
      log.record(event("first", null, 200, null), true);
    }
    Path file = dir.resolve(AuditFiles.DEFAULT_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (AuditLog log = AuditFiles.open(Optional.empty(), dir, CLOCK)) {
      log.record(event("second", null, 200, null), true);
    }
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).contains("\"first\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .as("a wider mode is narrowed at open")
        .isEqualTo("rw-------");
  }

  @Test
  void anExplicitPath_isUsedInsteadOfTheDataDir() throws IOException {
    Path other = dir.resolve("elsewhere.jsonl");
    try (AuditLog log = AuditFiles.open(Optional.of(other.toString()), dir, CLOCK)) {
      log.record(event("x", null, 200, null), true);
    }
    assertThat(Files.readAllLines(other)).hasSize(1);
    assertThat(dir.resolve(AuditFiles.DEFAULT_NAME)).doesNotExist();
  }

  @Test
  void dash_writesToStandardOutput_andLeavesItOpen() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      try (AuditLog log = AuditFiles.open(Optional.of("-"), dir, CLOCK)) {
        log.record(event("out", null, 200, null), true);
      }
      System.out.print("still open");
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .startsWith("{\"time\"")
        .contains("\"request_id\":\"out\"")
        .endsWith("}\nstill open");
    assertThat(dir.resolve(AuditFiles.DEFAULT_NAME)).doesNotExist();
  }

  @Test
  void aFailingWrite_neitherThrowsNorBlocksTheCaller() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("disk full");
          }
        };
    try (AuditLog log = new AuditLog(broken, CLOCK)) {
      log.record(event("a", null, 200, null), true);
      log.record(event("b", null, 200, null), true);
    }
  }

  @Test
  void aFullQueue_neverBlocksAQueuedOnlyRecord_butCountsWhatItDrops() throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    OutputStream stalled =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            try {
              stuck.await(); // a disk that has stopped answering
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
          }
        };
    AuditLog log = new AuditLog(stalled, CLOCK, 4);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<?> flood =
          caller.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  log.record(event("r" + i, null, 429, "APIGW.0308"), false);
                }
              });
      flood.get(10, TimeUnit.SECONDS); // times out if a queued-only record waits for the disk
      // At most one batch (taken plus drained: 1 + 4) is with the writer and 4 are queued.
      assertThat(log.dropped()).isGreaterThanOrEqualTo(100 - 1 - 4 - 4);
    } finally {
      stuck.countDown();
      caller.shutdownNow();
      log.close();
    }
  }

  @Test
  void none_writesNothing() {
    AuditLog.NONE.record(event("a", null, 200, null), true);
    AuditLog.NONE.close();
    assertThat(dir).isEmptyDirectory();
  }
}
