package io.keyloom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.Seed;
import io.keyloom.crypto.RootKey;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.ServiceKeys;
import io.keyloom.store.Database;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.UserRow;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed passwords at start (docs/start-time.md): an unchanged seed password costs no Argon2 run, a
 * changed one takes effect, and a seed check vouches only for the hash it was made with.
 */
class SeedPasswordsTest {
  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();
  private Database db;
  private RootKey rootKey;
  private IdentityRepository repository;

  @BeforeEach
  void open() throws Exception {
    rootKey = RootKey.loadOrCreate(dir.resolve("root.key"));
    db = Database.openSqlite(dir.resolve("keyloom.db"));
    repository = new IdentityRepository(db, clock);
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  /** What a server start does with the seed, with a fresh hasher whose Argon2 runs are counted. */
  private PasswordHasher start(Seed seed) throws Exception {
    PasswordHasher hasher = new PasswordHasher(random);
    admin(hasher).apply(seed);
    return hasher;
  }

  private IdentityAdmin admin(PasswordHasher hasher) throws Exception {
    IdentityDirectory directory =
        new IdentityDirectory(
            repository,
            rootKey.wrapper(),
            new SecurityTokens(
                ServiceKeys.fixed("st", SecretBytes.random(32, random)), random, clock));
    return new IdentityAdmin(repository, directory, rootKey.wrapper(), passwords(hasher), random);
  }

  private SeedPasswords passwords(PasswordHasher hasher) {
    return new SeedPasswords(
        hasher, rootKey.deriveKey(SeedPasswords.KEY_PURPOSE, SeedPasswords.KEY_BYTES));
  }

  private static Seed seed(String alicePassword, String bobPassword) {
    return new Seed(
        List.of(
            new Seed.Domain(
                "acme",
                null,
                List.of(new Seed.Project("cn-north-4", null)),
                List.of(
                    new Seed.User("alice", alicePassword, List.of()),
                    new Seed.User("bob", bobPassword, List.of())))));
  }

  private UserRow user(String name) {
    String domainId = repository.findDomainByName("acme").orElseThrow().id();
    return repository.findUser(domainId, name).orElseThrow();
  }

  private static boolean logsIn(UserRow user, String password) {
    return new PasswordHasher(new SecureRandom()).verify(password, user.passwordHash());
  }

  @Test
  void restartWithAnUnchangedSeed_runsNoArgon2_andKeepsTheStoredHash() throws Exception {
    assertThat(start(seed("Alice-Passw0rd!", "Bob-Passw0rd!")).runs()).isEqualTo(2);
    UserRow before = user("alice");

    assertThat(start(seed("Alice-Passw0rd!", "Bob-Passw0rd!")).runs()).isZero();

    UserRow after = user("alice");
    assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
    assertThat(after.seedCheck()).isNotNull().isEqualTo(before.seedCheck());
    assertThat(logsIn(after, "Alice-Passw0rd!")).isTrue();
  }

  @Test
  void aChangedSeedPassword_takesEffect_andTheNextStartIsFreeAgain() throws Exception {
    start(seed("Alice-Passw0rd!", "Bob-Passw0rd!"));
    String bobHash = user("bob").passwordHash();

    assertThat(start(seed("Alice-New-Passw0rd!", "Bob-Passw0rd!")).runs()).isPositive();

    assertThat(logsIn(user("alice"), "Alice-New-Passw0rd!")).isTrue();
    assertThat(logsIn(user("alice"), "Alice-Passw0rd!")).isFalse();
    assertThat(user("bob").passwordHash()).isEqualTo(bobHash);
    assertThat(start(seed("Alice-New-Passw0rd!", "Bob-Passw0rd!")).runs()).isZero();
  }

  @Test
  void aUserWithoutSeedCheck_isVerifiedOnce_thenGetsOne() throws Exception {
    start(seed("Alice-Passw0rd!", "Bob-Passw0rd!"));
    UserRow alice = user("alice");
    repository.updatePasswordHash(alice.id(), alice.passwordHash()); // as an older version left it
    assertThat(user("alice").seedCheck()).isNull();

    assertThat(start(seed("Alice-Passw0rd!", "Bob-Passw0rd!")).runs()).isEqualTo(1);
    assertThat(user("alice").passwordHash()).isEqualTo(alice.passwordHash());
    assertThat(user("alice").seedCheck()).isNotNull();
    assertThat(start(seed("Alice-Passw0rd!", "Bob-Passw0rd!")).runs()).isZero();
  }

  @Test
  void aSeedCheck_doesNotVouchForAHashReplacedBehindItsBack() throws Exception {
    start(seed("Alice-Passw0rd!", "Bob-Passw0rd!"));
    UserRow alice = user("alice");
    String otherHash = new PasswordHasher(random).hash("Mallory-Passw0rd!");
    db.inTransaction(
        c -> {
          try (var ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            ps.setString(1, otherHash); // the seed check stays as it was
            ps.setString(2, alice.id());
            return ps.executeUpdate();
          }
        });

    assertThat(start(seed("Alice-Passw0rd!", "Bob-Passw0rd!")).runs()).isPositive();

    assertThat(logsIn(user("alice"), "Alice-Passw0rd!")).isTrue();
    assertThat(logsIn(user("alice"), "Mallory-Passw0rd!")).isFalse();
  }

  @Test
  void usersMadeByTheAdminCommand_getNoSeedCheck() throws Exception {
    start(seed("Alice-Passw0rd!", "Bob-Passw0rd!"));
    admin(new PasswordHasher(random)).createUser("acme", "carol", "Carol-Passw0rd!");

    assertThat(user("carol").seedCheck()).isNull();
    assertThat(logsIn(user("carol"), "Carol-Passw0rd!")).isTrue();
  }

  @Test
  void theSeedCheck_isKeyedByTheRootKey_notAPlainHashOfThePassword() throws Exception {
    start(seed("Alice-Passw0rd!", "Bob-Passw0rd!"));
    UserRow alice = user("alice");
    RootKey otherRoot = RootKey.loadOrCreate(dir.resolve("other-root.key"));
    SeedPasswords other =
        new SeedPasswords(
            new PasswordHasher(random),
            otherRoot.deriveKey(SeedPasswords.KEY_PURPOSE, SeedPasswords.KEY_BYTES));

    // Under another key, the stored check does not match: Argon2 has to decide.
    PasswordHasher counted = new PasswordHasher(random);
    SeedPasswords sameKey = passwords(counted);
    assertThat(sameKey.reseed(alice, "Alice-Passw0rd!")).isEmpty();
    assertThat(counted.runs()).isZero();
    assertThat(other.reseed(alice, "Alice-Passw0rd!")).isPresent();
  }
}
