package io.keyloom.http;

import io.keyloom.auth.IamException;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.store.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The HTTP layer's meters (docs/metrics.md): a latency histogram per route, HTTP method and status,
 * and refusals by error code. Every label value comes from the route table, a fixed list of
 * statuses or the {@link ErrorCode} enum, never from the request, so the number of series is
 * bounded. Meters are looked up once per route and status, then kept in arrays; recording a request
 * allocates nothing.
 */
final class RequestMetrics {
  /** Requests that matched no route (404, 405): one label value, never the path. */
  static final String UNMATCHED = "unmatched";

  /** Requests refused before routing (bad Host, target or framing). */
  static final String INVALID = "invalid";

  /** No meters: {@code --metrics off}. */
  static final RequestMetrics OFF = new RequestMetrics(null);

  private final MeterRegistry registry;
  private final RequestTimers unmatched;
  private final RequestTimers invalid;
  private final Counter[] rejected;
  private final AtomicReferenceArray<Counter> errors =
      new AtomicReferenceArray<>(ErrorCode.values().length);

  /**
   * @param registry where the meters go; null records nothing
   */
  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.unmatched = new RequestTimers(registry, UNMATCHED, "any");
    this.invalid = new RequestTimers(registry, INVALID, "any");
    this.rejected = new Counter[Work.values().length];
    for (Work work : Work.values()) {
      rejected[work.ordinal()] =
          registry == null
              ? null
              : Counter.builder("keyloom.http.rejected")
                  .description("Requests refused with 429 because their executor was full")
                  .tag("work", work.name().toLowerCase(Locale.ROOT))
                  .register(registry);
    }
  }

  /** Whether anything is recorded. */
  boolean enabled() {
    return registry != null;
  }

  /** The timers of one route, made once when the router is built. */
  RequestTimers route(Route route) {
    return new RequestTimers(registry, route.operation(), route.method().name());
  }

  RequestTimers unmatched() {
    return unmatched;
  }

  RequestTimers invalid() {
    return invalid;
  }

  /** Counts a request refused because its work class's executor was full (429). */
  void rejected(Work work) {
    if (registry != null) {
      rejected[work.ordinal()].increment();
    }
  }

  /**
   * Counts a failed request by its error: KMS and gateway codes, store outages, internal errors.
   */
  void failed(Throwable failure) {
    if (failure instanceof KmsException e) {
      error(e.error());
    } else if (failure instanceof StoreException.Unavailable) {
      error(ErrorCode.STORE_UNAVAILABLE);
    } else if (!(failure instanceof IamException)) {
      error(ErrorCode.INTERNAL);
    }
  }

  /** Counts a refusal or failure by its error code (e.g. {@code throttled}). */
  private void error(ErrorCode code) {
    if (registry == null) {
      return;
    }
    Counter counter = errors.get(code.ordinal());
    if (counter == null) {
      counter =
          Counter.builder("keyloom.http.errors")
              .description("Requests refused or failed, by Keyloom error (not by client)")
              .tag("error", code.name().toLowerCase(Locale.ROOT))
              .register(registry);
      errors.set(code.ordinal(), counter);
    }
    counter.increment();
  }
}
