package io.keyloom;

import com.zaxxer.hikari.HikariDataSource;
import io.keyloom.audit.AuditLog;
import io.keyloom.auth.LoginProtection;
import io.keyloom.kms.CacheStats;
import io.keyloom.metrics.NodeMetrics;
import io.keyloom.store.Database;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The node's own meters beyond HTTP (docs/metrics.md): key cache, root-key unwraps, login
 * protection, the store and its connection pool, the audit log. Each reads counters the parts keep
 * anyway, when scraped; no part depends on Micrometer.
 */
final class MetricsWiring {
  private MetricsWiring() {}

  /** A registry with every meter bound, or empty with {@code --metrics=false}. */
  static Optional<NodeMetrics> of(
      boolean on, Database db, CacheStats cache, LoginProtection logins, AuditLog audit) {
    if (!on) {
      return Optional.empty();
    }
    NodeMetrics metrics = NodeMetrics.create();
    MeterRegistry registry = metrics.registry();
    cache(registry, cache);
    logins(registry, logins);
    store(registry, db);
    counter("keyloom.audit.dropped", audit, AuditLog::dropped)
        .description("Audit lines of queued-only requests dropped because the writer was behind")
        .register(registry);
    return Optional.of(metrics);
  }

  private static void cache(MeterRegistry registry, CacheStats stats) {
    lookups(registry, stats, "metadata", "hit", CacheStats::metadataHits);
    lookups(registry, stats, "metadata", "miss", CacheStats::metadataMisses);
    lookups(registry, stats, "material", "hit", CacheStats::materialHits);
    lookups(registry, stats, "material", "miss", CacheStats::materialMisses);
    counter("keyloom.root.key.unwrap.failures", stats, CacheStats::unwrapFailures)
        .description("Key material that failed to unwrap under the root key")
        .register(registry);
  }

  private static void lookups(
      MeterRegistry registry,
      CacheStats stats,
      String cache,
      String result,
      ToDoubleFunction<CacheStats> count) {
    counter("keyloom.key.cache.lookups", stats, count)
        .description("Key cache lookups: metadata within its freshness bound, unwrapped material")
        .tag("cache", cache)
        .tag("result", result)
        .register(registry);
  }

  private static void logins(MeterRegistry registry, LoginProtection logins) {
    counter("keyloom.login.refusals", logins, LoginProtection::addressRefusals)
        .description("Password logins refused by login protection, before any hashing")
        .tag("reason", "address_throttled")
        .register(registry);
    counter("keyloom.login.refusals", logins, LoginProtection::userRefusals)
        .description("Password logins refused by login protection, before any hashing")
        .tag("reason", "user_locked")
        .register(registry);
  }

  /** The store's state and, for a HikariCP pool, the pool's own meters (hikaricp_*). */
  private static void store(MeterRegistry registry, Database db) {
    Gauge.builder("keyloom.store.up", db, d -> d.isDown() ? 0 : 1)
        .description("1 while the store serves, 0 once a failure marked it down (no query)")
        .register(registry);
    if (db.dataSource() instanceof HikariDataSource pool) {
      pool.setMetricRegistry(registry);
    }
  }

  private static <T> FunctionCounter.Builder<T> counter(
      String name, T source, ToDoubleFunction<T> count) {
    return FunctionCounter.builder(name, source, count);
  }
}
