package io.keyloom.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (RFC 9106) in the PHC string format.
 *
 * <p>Parameters follow the OWASP minimum (m=19 MiB, t=2, p=1). Verification recomputes the hash
 * with the parameters stored in the string and compares in constant time.
 *
 * <p>Each Argon2 run costs tens of milliseconds of a core and 19 MiB; {@link #runs()} counts them,
 * so tests can see that a start re-applying an unchanged seed runs none (docs/start-time.md).
 */
public final class PasswordHasher {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final SecureRandom random;
  private final AtomicLong runs = new AtomicLong();

  /** A hasher drawing salts from the given random source. */
  public PasswordHasher(SecureRandom random) {
    this.random = random;
  }

  /** Hashes a password into {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return format(salt, compute(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM));
  }

  /**
   * A hash string that no password matches (its hash bytes are random, not computed: a match would
   * need a 256-bit preimage), whose verification costs exactly what a real hash's does. For
   * checking logins of unknown users without telling them apart by time; costs no Argon2 run.
   */
  public String unmatchable() {
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    return format(salt, hash);
  }

  /** How many Argon2 runs this hasher has made ({@link #hash} and {@link #verify} make one). */
  public long runs() {
    return runs.get();
  }

  private static String format(byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /** Whether the password matches the stored hash; false for any malformed hash string. */
  public boolean verify(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
      return false;
    }
    try {
      String[] params = parts[3].split(",");
      int m = Integer.parseInt(params[0].substring(2));
      int t = Integer.parseInt(params[1].substring(2));
      int p = Integer.parseInt(params[2].substring(2));
      byte[] salt = Base64.getDecoder().decode(parts[4]);
      byte[] expected = Base64.getDecoder().decode(parts[5]);
      return MessageDigest.isEqual(expected, compute(password, salt, m, t, p));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private byte[] compute(String password, byte[] salt, int m, int t, int p) {
    runs.incrementAndGet();
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[HASH_BYTES];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
