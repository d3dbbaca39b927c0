package io.keyloom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.metrics.NodeMetrics;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The request timers: bounded labels, and recording that allocates nothing (docs/metrics.md). */
class RequestTimersTest {
  @Test
  void statusesOutsideTheList_shareOneLabelValue() {
    try (NodeMetrics metrics = NodeMetrics.create()) {
      RequestTimers timers = new RequestTimers(metrics.registry(), "encrypt-data", "POST");
      for (int status : new int[] {200, 299, 418, 599, 600, 1000, -1}) {
        timers.record(status, 1_000_000);
      }
      String text = metrics.scrape();
      assertThat(text)
          .contains("operation=\"encrypt-data\",status=\"200\"")
          .contains("operation=\"encrypt-data\",status=\"other\"")
          .doesNotContain("status=\"418\"")
          .doesNotContain("status=\"1000\"");
      assertThat(text.lines().filter(l -> l.startsWith("keyloom_http_requests_seconds_count")))
          .hasSize(2);
    }
  }

  @Test
  void buckets_runFrom100MicrosecondsTo10Seconds() {
    assertThat(RequestTimers.BUCKETS).hasSize(16);
    assertThat(RequestTimers.BUCKETS[0].toNanos()).isEqualTo(100_000);
    assertThat(RequestTimers.BUCKETS[3].toNanos()).isEqualTo(1_000_000);
    assertThat(RequestTimers.BUCKETS[15].getSeconds()).isEqualTo(10);
  }

  /**
   * The cost on the hot path: once a route's timer for a status exists, recording a response is an
   * array read and a histogram update, without allocation. Measured with the JVM's per-thread
   * allocation counter; the time per call is printed, not asserted.
   */
  @Test
  void recording_allocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (NodeMetrics metrics = NodeMetrics.create()) {
      RequestTimers timers = new RequestTimers(metrics.registry(), "encrypt-data", "POST");
      int n = 200_000;
      for (int i = 0; i < n; i++) {
        timers.record(200, 100_000 + i);
      }
      long id = Thread.currentThread().getId();
      long bytes = threads.getThreadAllocatedBytes(id);
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        timers.record(i % 7 == 0 ? 404 : 200, 100_000 + i);
      }
      long nanos = System.nanoTime() - start;
      long allocated = threads.getThreadAllocatedBytes(id) - bytes;
      System.out.printf(
          "record: %.1f ns and %.3f bytes per response%n",
          (double) nanos / n, (double) allocated / n);
      assertThat((double) allocated / n).isLessThan(1.0);
    }
  }
}
