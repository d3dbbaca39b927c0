package io.keyloom.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the two stores beyond their shared, portable SQL (docs/postgresql.md): the
 * statement that reclaims the space of destroyed key material, and the injected write fault. Error
 * classification needs no seam: {@link StoreException} reads SQLite result codes and PostgreSQL
 * SQLStates side by side.
 */
interface Dialect {
  /** The store's name for logs and messages, e.g. {@code SQLite}. */
  String name();

  /**
   * Runs, outside any transaction, after rows holding wrapped key material were deleted, so that
   * the store reuses or drops their space rather than keeping old copies around.
   */
  void reclaimDeletedSpace(Connection c) throws SQLException;

  /** Sets or ends the injected fault: writes fail as when the store cannot take them. */
  void simulateWriteFault(boolean on);

  /** Applies the fault's current setting to a connection just borrowed, if a fault was ever set. */
  void applyFault(Connection c) throws SQLException;
}
