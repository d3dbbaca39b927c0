package io.keyloom.http;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults injected into this server (emulator only; docs/throttle-and-faults.md). At most one
 * fault per operation and project scope: a new one replaces the old. A fault for one project wins
 * over a fault for all projects on that project's calls.
 */
final class Faults {
  /** Active faults at most; the control routes need no credentials, so the set is bounded. */
  static final int MAX = 100;

  private final Map<Scope, Fault> active = new ConcurrentHashMap<>();

  /** Where a fault applies; {@code projectId} null means every project. */
  private record Scope(String operation, String projectId) {}

  /** Adds or replaces the fault for its operation and project; 400 beyond {@link #MAX}. */
  synchronized void put(Fault fault) {
    Scope scope = new Scope(fault.operation(), fault.projectId());
    if (!active.containsKey(scope) && active.size() >= MAX) {
      throw new KmsException(
          ErrorCode.INVALID_PARAMETER,
          "At most " + MAX + " faults may be active; DELETE /keyloom/v1/faults clears them.");
    }
    active.put(scope, fault);
  }

  /** Removes the faults of {@code operation}, or all when it is null; returns how many. */
  synchronized int clear(String operation) {
    int before = active.size();
    active.keySet().removeIf(s -> operation == null || s.operation().equals(operation));
    return before - active.size();
  }

  /** The active faults, by operation, all-project faults first. */
  List<Fault> list() {
    List<Fault> faults = new ArrayList<>(active.values());
    faults.removeIf(Fault::exhausted);
    faults.sort(
        Comparator.comparing(Fault::operation)
            .thenComparing(f -> f.projectId() == null ? "" : f.projectId()));
    return faults;
  }

  /** Whether no fault is active: the one check a call pays then. */
  boolean isEmpty() {
    return active.isEmpty();
  }

  /** The fault that affects this call of {@code operation} in {@code projectId}, or null. */
  Fault firing(String operation, String projectId) {
    Scope own = new Scope(operation, projectId);
    Fault fault = active.get(own);
    Scope scope = own;
    if (fault == null) {
      scope = new Scope(operation, null);
      fault = active.get(scope);
    }
    if (fault == null || !fault.fires()) {
      return null;
    }
    if (fault.exhausted()) {
      active.remove(scope, fault); // its last call: the fault disappears from the listing
    }
    return fault;
  }
}
