package io.keyloom;

import io.keyloom.auth.Authenticator;
import io.keyloom.auth.IdentityAdmin;
import io.keyloom.auth.IdentityDirectory;
import io.keyloom.auth.IdentityReset;
import io.keyloom.auth.LoginProtection;
import io.keyloom.auth.PasswordHasher;
import io.keyloom.auth.SecurityTokens;
import io.keyloom.auth.SeedPasswords;
import io.keyloom.auth.TokenCodec;
import io.keyloom.auth.TokenService;
import io.keyloom.auth.sig.AkSkVerifier;
import io.keyloom.http.IamServices;
import io.keyloom.store.IdentityRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The IAM side of a node, wired over its database and root key by {@link KeyloomServer}: the
 * identity store and its cached directory, passwords, tokens and the request authenticator.
 */
record IdentityWiring(
    IdentityRepository identities,
    SecurityTokens securityTokens,
    IdentityDirectory directory,
    PasswordHasher hasher,
    IdentityAdmin admin,
    TokenCodec tokens,
    Authenticator authenticator) {
  /** The largest difference between a signed request's date and the server's clock. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  /**
   * @param clock the server's clock (the emulator's when {@code --emulator} is on)
   * @param baseClock the real clock, for the signature checks' skew window
   */
  static IdentityWiring of(DataDir data, SecureRandom random, Clock clock, Clock baseClock) {
    IdentityRepository identities = new IdentityRepository(data.database(), clock);
    SecurityTokens securityTokens = securityTokens(data, random, clock);
    IdentityDirectory directory = new IdentityDirectory(identities, data.wrapper(), securityTokens);
    PasswordHasher hasher = new PasswordHasher(random);
    IdentityAdmin admin =
        new IdentityAdmin(
            identities, directory, data.wrapper(), seedPasswords(data, hasher), random);
    TokenCodec tokens = new TokenCodec(data.serviceKeys().signing("x-auth-token"), clock);
    Authenticator authenticator =
        new Authenticator(
            new AkSkVerifier(directory, clock, baseClock, MAX_CLOCK_SKEW), tokens, directory);
    return new IdentityWiring(
        identities, securityTokens, directory, hasher, admin, tokens, authenticator);
  }

  /** Temporary credentials' security tokens under the stored security-token keys. */
  static SecurityTokens securityTokens(DataDir data, SecureRandom random, Clock clock) {
    return new SecurityTokens(data.serviceKeys().signing("security-token"), random, clock);
  }

  /** Stored passwords with the seed check under the stored seed-check key (docs/start-time.md). */
  static SeedPasswords seedPasswords(DataDir data, PasswordHasher hasher) {
    return new SeedPasswords(hasher, data.serviceKeys().check(ServiceKeyManager.SEED_CHECK));
  }

  /** Tokens, projects and temporary credentials, as the route table serves them. */
  IamServices iam(LoginProtection logins, Clock clock, Duration tokenTtl) {
    return new IamServices(
        new TokenService(identities, logins, tokens, clock, tokenTtl), directory, securityTokens);
  }

  /** What an emulator reset does to identities. */
  IdentityReset reset() {
    return new IdentityReset(identities, directory);
  }
}
