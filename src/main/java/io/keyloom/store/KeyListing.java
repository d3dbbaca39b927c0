package io.keyloom.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through a project's keys in a stable order (creation date, then key id). Keys past their
 * deletion date are left out, as everywhere.
 */
public final class KeyListing {
  private final Database db;
  private final Clock clock;

  /** A listing over the given database. */
  public KeyListing(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * One page of matching keys and the number of all matching keys, read in one transaction so that
   * both describe the same moment.
   */
  public Page page(KeyFilter filter, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = where(filter, params);
    return db.inTransaction(
        c -> {
          int total =
              Jdbc.query(
                      c, "SELECT COUNT(*) FROM cmks" + where, rs -> rs.getInt(1), params.toArray())
                  .get(0);
          List<Object> pageParams = new ArrayList<>(params);
          pageParams.add(limit);
          pageParams.add(offset);
          List<KeyRow> rows =
              Jdbc.query(
                  c,
                  KeyRepository.SELECT + where + " ORDER BY creation_date, key_id LIMIT ? OFFSET ?",
                  KeyRepository::map,
                  pageParams.toArray());
          return new Page(rows, total);
        });
  }

  private String where(KeyFilter filter, List<Object> params) {
    StringBuilder sql = new StringBuilder(" WHERE project_id = ? AND ").append(KeyRepository.LIVE);
    params.add(filter.projectId());
    params.add(clock.millis());
    // Only constant fragments are appended; every value is a bound parameter.
    if (filter.state() != null) {
      sql.append(" AND key_state = ?");
      params.add(filter.state());
    }
    if (filter.spec() != null) {
      sql.append(" AND key_spec = ?");
      params.add(filter.spec());
    }
    if (filter.enterpriseProjectId() != null) {
      sql.append(" AND enterprise_project_id = ?");
      params.add(filter.enterpriseProjectId());
    }
    return sql.toString();
  }

  /**
   * One page of a listing.
   *
   * @param rows the keys of this page, in listing order
   * @param total how many keys match the filter across all pages
   */
  public record Page(List<KeyRow> rows, int total) {}
}
