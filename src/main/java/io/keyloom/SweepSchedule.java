package io.keyloom;

import io.keyloom.kms.KeySweeps;
import io.keyloom.store.StoreException;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs each timed key sweep periodically on a Vert.x worker; a failed run retries next period. */
final class SweepSchedule {
  private static final Logger LOG = LoggerFactory.getLogger(KeyloomServer.class);

  private SweepSchedule() {}

  static void start(Vertx vertx, KeySweeps sweeps) {
    for (KeySweeps.Sweep sweep : sweeps.all()) {
      vertx.setPeriodic(
          sweep.period().toMillis(),
          timer ->
              vertx
                  .executeBlocking(sweep.run()::run, true)
                  .onFailure(
                      e -> {
                        if (!(e instanceof StoreException.Unavailable)) { // logged by the store
                          LOG.error("key sweep ({}) failed; retrying next period", sweep.name(), e);
                        }
                      }));
    }
  }
}
