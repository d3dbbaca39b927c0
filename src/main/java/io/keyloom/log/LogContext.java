package io.keyloom.log;

/**
 * The request a thread is working on, for the {@code request_id} field of JSON log lines
 * (docs/logging.md). A thread-local set and cleared around each request: no allocation, and nothing
 * for log statements to pass along.
 */
public final class LogContext {
  private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

  private LogContext() {}

  /** Marks the calling thread as working on {@code requestId} until {@link #leave}. */
  public static void enter(String requestId) {
    REQUEST_ID.set(requestId);
  }

  /** The calling thread works on no request any more. */
  public static void leave() {
    REQUEST_ID.remove();
  }

  /** The request the calling thread works on, or null. */
  static String requestId() {
    return REQUEST_ID.get();
  }
}
