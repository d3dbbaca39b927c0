package io.keyloom.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One node's metrics registry in the Prometheus text format (docs/metrics.md): the node's own
 * meters, which the composition root and the HTTP layer register, and JVM and process basics. Each
 * server has its own registry (never Micrometer's global one), so that servers sharing a JVM in
 * tests never see each other's counts.
 */
public final class NodeMetrics implements AutoCloseable {
  /** The Content-Type of {@link #scrape}: Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  private NodeMetrics() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** A registry with the JVM and process meters bound. */
  public static NodeMetrics create() {
    return new NodeMetrics();
  }

  /** Where the node's meters are registered. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter, in the Prometheus text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape();
  }

  /** Stops the GC listener and the registry. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
