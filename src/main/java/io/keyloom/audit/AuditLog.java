package io.keyloom.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail (docs/audit-log.md): one JSON line per audited operation, appended by one writer
 * thread in the order the operations were recorded. A durable record returns once its line (and
 * every line before it) has been written to the OS; other records only queue their line, so that
 * hot operations never wait on a disk write. A write that fails is logged (without the line) and
 * the service goes on: the operation has happened and its response is still sent.
 */
public final class AuditLog implements AutoCloseable {
  /** An audit log that writes nothing (tests that serve their own routes). */
  public static final AuditLog NONE = new AuditLog();

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  // Bounded: a disk slower than the request rate slows durable callers (worker threads) down
  // instead of filling the heap; a queued-only record never waits (it may run on an event loop).
  static final int QUEUE_CAPACITY = 65_536;
  private static final long CLOSE_WAIT_SECONDS = 10;
  private static final Entry STOP = new Entry(null, null);
  private final BlockingQueue<Entry> queue;
  private final AtomicLong dropped = new AtomicLong();
  private long reported; // writer thread only
  private final OutputStream out;
  private final Clock clock;
  private final Thread writer;
  private volatile boolean failed;
  private volatile boolean closed;

  private record Entry(byte[] line, CompletableFuture<Void> written) {}

  private AuditLog() {
    this.queue = null;
    this.out = null;
    this.clock = null;
    this.writer = null;
  }

  /**
   * An audit log writing to {@code out}, stamping events with {@code clock}; {@link #close} closes
   * {@code out}.
   */
  AuditLog(OutputStream out, Clock clock) {
    this(out, clock, QUEUE_CAPACITY);
  }

  /** As {@link #AuditLog(OutputStream, Clock)}, queueing at most {@code capacity} lines. */
  AuditLog(OutputStream out, Clock clock, int capacity) {
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.out = out;
    this.clock = clock;
    this.writer = new Thread(this::writeLoop, "keyloom-audit");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Records an event.
   *
   * @param durable whether to return only once the line is written to the OS (state-changing
   *     operations, on worker threads), else at once: a queued-only record never waits, and is
   *     dropped (and counted, see {@link #dropped}) when the queue is full
   */
  public void record(AuditEvent event, boolean durable) {
    if (writer == null || closed) {
      return;
    }
    byte[] line = AuditLine.of(clock.instant(), event).getBytes(StandardCharsets.UTF_8);
    Entry entry = new Entry(line, durable ? new CompletableFuture<>() : null);
    if (!durable) {
      if (!queue.offer(entry)) {
        dropped.incrementAndGet();
      }
      return;
    }
    try {
      queue.put(entry);
      // Bounded only for a record that raced with close(): the writer is gone then.
      entry.written().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("an audit line was not confirmed written");
    }
  }

  private void writeLoop() {
    List<Entry> batch = new ArrayList<>();
    boolean running = true;
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch);
      running = write(batch);
      batch.clear();
      reportDropped();
    }
  }

  /** Writes a batch in one call and releases its durable records; false after {@link #STOP}. */
  private boolean write(List<Entry> batch) {
    boolean stop = false;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.size() * 256);
    for (Entry e : batch) {
      if (e == STOP) {
        stop = true;
      } else {
        bytes.writeBytes(e.line());
      }
    }
    try {
      out.write(bytes.toByteArray());
      out.flush();
      failed = false;
    } catch (IOException e) {
      if (!failed) {
        LOG.error("cannot write the audit log: {}", e.getMessage());
      }
      failed = true;
    }
    batch.stream().filter(e -> e.written() != null).forEach(e -> e.written().complete(null));
    return !stop;
  }

  /** How many queued-only lines were dropped, in all, because the writer had fallen behind. */
  public long dropped() {
    return dropped.get();
  }

  /** One server-log line per batch after which lines had been dropped (never the lines). */
  private void reportDropped() {
    long total = dropped.get();
    if (total > reported) {
      LOG.warn("audit log behind: {} lines of queued-only requests dropped", total - reported);
      reported = total;
    }
  }

  /** Writes what is queued, stops the writer and closes the output. */
  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    closed = true;
    try {
      // Bounded: a writer stuck on a dead disk must not hold the shutdown.
      if (queue.offer(STOP, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        writer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      out.close();
    } catch (IOException e) {
      LOG.warn("cannot close the audit log: {}", e.getMessage());
    }
  }
}
