package io.keyloom.auth;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Password checks with login protection (docs/login-protection.md), modelled on Huawei IAM's
 * defaults: 5 failures of a user within 15 minutes lock that user for 15 minutes; 20 failures from
 * one client address (an IPv6 /64) within 15 minutes throttle that address for 15 minutes.
 *
 * <p>A locked user or throttled address is refused before any password hashing, whatever the
 * password. Unknown users are counted and locked like known ones and verified against a dummy hash
 * with the same Argon2 parameters, so neither timing nor locking tells whether a user exists. State
 * is per node and bounded in size.
 */
public final class LoginProtection {
  static final int USER_FAILURES = 5;
  static final int ADDRESS_FAILURES = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);
  static final int MAX_ENTRIES = 50_000;
  private static final String LOCKED = "The account is locked after too many failed logins.";

  private final PasswordHasher hasher;
  private final Clock clock;
  private final String dummyHash;
  private final FailureTable users = new FailureTable(USER_FAILURES, WINDOW, LOCK, MAX_ENTRIES);
  private final FailureTable addresses =
      new FailureTable(ADDRESS_FAILURES, WINDOW, LOCK, MAX_ENTRIES);
  private final LongAdder addressRefusals = new LongAdder();
  private final LongAdder userRefusals = new LongAdder();

  /**
   * Protection verifying with {@code hasher}. The dummy hash has the same parameters as a real one
   * but is made without an Argon2 run ({@link PasswordHasher#unmatchable}), so it costs the start
   * nothing.
   */
  public LoginProtection(PasswordHasher hasher, Clock clock) {
    this.hasher = hasher;
    this.clock = clock;
    this.dummyHash = hasher.unmatchable();
  }

  /**
   * Refuses a login from a throttled address before anything else is done (no store read, no
   * hashing), so that a flood from one address costs as little as possible.
   *
   * @throws KmsException 429 {@code APIGW.0308} when the address is throttled
   */
  public void checkAddress(String address) {
    if (addresses.isLocked(addressKey(address), clock.instant())) {
      addressRefusals.increment();
      throw new KmsException(ErrorCode.LOGIN_THROTTLED);
    }
  }

  /**
   * Checks a password attempt of {@code subject} (a user id, or {@link #unknownSubject} when no
   * such user exists, then {@code storedHash} is empty) from {@code address}, after {@link
   * #checkAddress}.
   *
   * @return true only for an existing user with the right password
   * @throws IamException 401 when the user is locked
   */
  public boolean attempt(
      String subject, String address, String password, Optional<String> storedHash) {
    Instant now = clock.instant();
    if (users.isLocked(subject, now)) {
      userRefusals.increment();
      throw IamException.unauthorized(LOCKED);
    }
    boolean verified = hasher.verify(password, storedHash.orElse(dummyHash));
    if (verified && storedHash.isPresent()) {
      users.clear(subject);
      return true;
    }
    // The time of the check, not of its end: a slow hash must not shorten the lock.
    users.failed(subject, now);
    addresses.failed(addressKey(address), now);
    return false;
  }

  /** Logins refused with 429 because their client address was throttled (docs/metrics.md). */
  public long addressRefusals() {
    return addressRefusals.sum();
  }

  /** Logins refused with 401 because their user was locked (docs/metrics.md). */
  public long userRefusals() {
    return userRefusals.sum();
  }

  /** Forgets every failed login, lock and throttled address: the emulator's reset. */
  public void forgetAll() {
    users.clearAll();
    addresses.clearAll();
  }

  /**
   * The lock key of a user that does not exist, from the names or ids in the request: a fixed-size
   * digest, so that long names cannot grow the table's memory.
   */
  public static String unknownSubject(String... identifiers) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String id : identifiers) {
        sha.update((id == null ? "\u0000" : id).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return "?" + Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** An IPv4 address, or the /64 prefix of an IPv6 one (one host usually holds a whole /64). */
  static String addressKey(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      // A literal with a colon is parsed, never resolved through DNS.
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
