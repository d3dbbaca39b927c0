package io.keyloom.auth;

import io.keyloom.crypto.SecretBytes;
import io.keyloom.store.IdentityRows.UserRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How users' passwords are stored: an Argon2id hash ({@link PasswordHasher}) for logins and, for
 * passwords that come from the seed file, a <em>seed check</em> that lets the next start see that
 * the seed's password is unchanged without running Argon2 (docs/start-time.md).
 *
 * <p>The seed check is HMAC-SHA256 under a key derived from the root key (purpose {@value
 * #KEY_PURPOSE}) over the user id, the stored Argon2 hash string and the password, each
 * length-prefixed. It is never a plain fast hash: without the root key, which the database does not
 * hold, it gives no offline guessing oracle, so a leaked database still costs an attacker one
 * Argon2 run per guess. Binding the stored hash means any other change of the hash voids the check
 * (the next start then verifies with Argon2). Checks are compared in constant time.
 */
public final class SeedPasswords {
  /** The root-key derivation purpose of the seed-check key. */
  public static final String KEY_PURPOSE = "seed-password-check/v1";

  /** The size of the seed-check key, in bytes. */
  public static final int KEY_BYTES = 32;

  private static final byte[] LABEL = utf8("keyloom seed password check v1");
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final PasswordHasher hasher;
  private final SecretKeySpec key;

  /** Stores through {@code hasher}; {@code checkKey} is the root key's {@value #KEY_PURPOSE}. */
  public SeedPasswords(PasswordHasher hasher, SecretBytes checkKey) {
    if (checkKey.size() != KEY_BYTES) {
      throw new IllegalArgumentException("the seed-check key must be " + KEY_BYTES + " bytes");
    }
    this.hasher = hasher;
    byte[] raw = checkKey.toByteArray();
    try {
      this.key = new SecretKeySpec(raw, "HmacSHA256");
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * What a user's row stores for a password: the Argon2id hash and, for a seeded password, its seed
   * check (else null).
   */
  public record Stored(String hash, String seedCheck) {
    @Override
    public String toString() {
      return "Stored[REDACTED]";
    }
  }

  /** A password set by an operator or made at random: hashed (one Argon2 run), no seed check. */
  public Stored unseeded(String password) {
    return new Stored(hasher.hash(password), null);
  }

  /** A seeded password for a new user {@code userId}: hashed (one Argon2 run), with its check. */
  public Stored seeded(String userId, String password) {
    String hash = hasher.hash(password);
    return new Stored(hash, check(userId, hash, password));
  }

  /**
   * What {@code user}'s row must become to hold {@code password} as seeded; empty when it already
   * does. A matching seed check answers at once. Without one (a row from an older version, or made
   * by {@code admin create-user}), or with one that does not match, Argon2 decides: the same
   * password keeps its hash and gains a check, another password gets a new hash.
   */
  public Optional<Stored> reseed(UserRow user, String password) {
    String hash = user.passwordHash();
    if (user.seedCheck() != null && matches(user.seedCheck(), check(user.id(), hash, password))) {
      return Optional.empty();
    }
    String newHash = hasher.verify(password, hash) ? hash : hasher.hash(password);
    return Optional.of(new Stored(newHash, check(user.id(), newHash, password)));
  }

  private static boolean matches(String stored, String computed) {
    return MessageDigest.isEqual(utf8(stored), utf8(computed));
  }

  private String check(String userId, String hash, String password) {
    byte[] pw = utf8(password);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(LABEL);
      for (byte[] field : new byte[][] {utf8(userId), utf8(hash), pw}) {
        mac.update(ByteBuffer.allocate(4).putInt(field.length).array());
        mac.update(field);
      }
      return B64.encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
