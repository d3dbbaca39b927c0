package io.keyloom.http;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fixed-size executor with a bounded queue per {@link Work} class. A task that finds its class
 * full is refused at once ({@link RejectedExecutionException}), never queued without bound: the
 * caller answers 429.
 */
final class WorkPools implements AutoCloseable {
  private final Map<Work, ThreadPoolExecutor> pools = new EnumMap<>(Work.class);

  /** Pools sized for a host with {@code cores} CPUs. */
  WorkPools(int cores) {
    for (Work work : Work.values()) {
      int threads = work.threads(cores);
      pools.put(
          work,
          new ThreadPoolExecutor(
              threads,
              threads,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(work.queue()),
              threadFactory(work),
              new ThreadPoolExecutor.AbortPolicy()));
    }
  }

  /**
   * Runs {@code task} on the executor of {@code work}.
   *
   * @throws RejectedExecutionException when all its threads are busy and its queue is full
   */
  void submit(Work work, Runnable task) {
    pools.get(work).execute(task);
  }

  /** Stops accepting work and waits briefly for running tasks. */
  @Override
  public void close() {
    pools.values().forEach(ThreadPoolExecutor::shutdown);
    try {
      for (ThreadPoolExecutor pool : pools.values()) {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory threadFactory(Work work) {
    AtomicInteger count = new AtomicInteger();
    String prefix = "keyloom-" + work.name().toLowerCase(Locale.ROOT) + "-";
    return task -> {
      // Netty's thread type, as Vert.x's own workers use: Netty keeps per-thread buffer caches
      // only for these, and responses are written from this thread.
      Thread thread = new FastThreadLocalThread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
