package io.keyloom.kms;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the key cache's lookups (docs/metrics.md): plain counters, incremented on the hot path
 * without allocation or locking, read by the metrics registry when scraped.
 */
public final class CacheStats {
  final LongAdder metadataHits = new LongAdder();
  final LongAdder metadataMisses = new LongAdder();
  final LongAdder materialHits = new LongAdder();
  final LongAdder materialMisses = new LongAdder();
  final LongAdder unwrapFailures = new LongAdder();

  /** Key metadata served from memory, within its freshness bound. */
  public long metadataHits() {
    return metadataHits.sum();
  }

  /** Key metadata read from the store: first use, older than the bound, or not found. */
  public long metadataMisses() {
    return metadataMisses.sum();
  }

  /** Unwrapped key material (a primitive) served from memory. */
  public long materialHits() {
    return materialHits.sum();
  }

  /** Key material read from the store and unwrapped under the root key. */
  public long materialMisses() {
    return materialMisses.sum();
  }

  /**
   * Unwraps under the root key that failed: material that does not open under this node's root key
   * (a wrong or changed root key, corrupted rows), or a failing root-key provider.
   */
  public long unwrapFailures() {
    return unwrapFailures.sum();
  }
}
