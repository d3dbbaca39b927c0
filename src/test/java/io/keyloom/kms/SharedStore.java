package io.keyloom.kms;

import io.keyloom.crypto.RootKey;
import io.keyloom.it.TestClock;
import io.keyloom.store.Database;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the nodes of a multi-node unit test share: a real SQLite store and root key in a temp dir,
 * holding one project, and a clock the test moves by hand (from 2030-01-01).
 */
final class SharedStore implements AutoCloseable {
  final Database db;
  final RootKey rootKey;
  final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

  SharedStore(Path dir, Project project) throws Exception {
    db = Database.openSqlite(dir.resolve("k.db"));
    rootKey = RootKey.loadOrCreate(dir.resolve("root.key"));
    IdentityRepository ids = new IdentityRepository(db, clock);
    ids.insertDomain(new DomainRow(project.domainId(), "acme"));
    ids.insertProject(new ProjectRow(project.id(), project.domainId(), project.name()));
  }

  @Override
  public void close() {
    db.close();
  }
}
