package io.keyloom.kms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work on keys that falls due with time: destroying keys past their deletion date, and every
 * other timed change a key version can undergo. All state is in the store, so each sweep catches up
 * after a restart with whatever fell due while the server was down. The server runs each sweep at
 * its own period; the emulator runs them all at once after every clock move (docs/emulator.md).
 */
public final class KeySweeps {
  /**
   * One kind of due work.
   *
   * @param name what the sweep does, for logs ("destroyed", "rotated", ...)
   * @param period how often the server runs it
   * @param run does the work that is due now; returns how many keys it changed
   */
  public record Sweep(String name, Duration period, Run run) {}

  /** The work of one sweep. */
  @FunctionalInterface
  public interface Run {
    int run();
  }

  private final List<Sweep> sweeps = new ArrayList<>();

  /** Adds a sweep; the order of adding is the order of running. */
  public KeySweeps add(String name, Duration period, Run run) {
    sweeps.add(new Sweep(name, period, run));
    return this;
  }

  /** Every sweep, in order. */
  public List<Sweep> all() {
    return List.copyOf(sweeps);
  }

  /** Runs every sweep now, in order, on the calling thread: how many keys each changed, by name. */
  public Map<String, Integer> runAll() {
    Map<String, Integer> changed = new LinkedHashMap<>();
    for (Sweep sweep : sweeps) {
      changed.put(sweep.name(), sweep.run().run());
    }
    return changed;
  }
}
