package io.keyloom;

import io.keyloom.auth.Authenticator;
import io.keyloom.auth.IdentityAdmin;
import io.keyloom.auth.IdentityDirectory;
import io.keyloom.auth.IdentityReset;
import io.keyloom.auth.LoginProtection;
import io.keyloom.auth.PasswordHasher;
import io.keyloom.auth.SecurityTokens;
import io.keyloom.auth.TokenCodec;
import io.keyloom.auth.TokenService;
import io.keyloom.auth.sig.AkSkVerifier;
import io.keyloom.crypto.RootKey;
import io.keyloom.http.IamServices;
import io.keyloom.store.Database;
import io.keyloom.store.IdentityRepository;
import java.security.GeneralSecurityException;
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
  static IdentityWiring of(
      Database db, RootKey rootKey, SecureRandom random, Clock clock, Clock baseClock)
      throws GeneralSecurityException {
    IdentityRepository identities = new IdentityRepository(db, clock);
    SecurityTokens securityTokens = SecurityTokens.fromRootKey(rootKey, random, clock);
    IdentityDirectory directory =
        new IdentityDirectory(identities, rootKey.wrapper(), securityTokens);
    PasswordHasher hasher = new PasswordHasher(random);
    IdentityAdmin admin =
        new IdentityAdmin(
            identities,
            directory,
            rootKey.wrapper(),
            KeyloomServer.seedPasswords(rootKey, hasher),
            random);
    TokenCodec tokens =
        new TokenCodec(rootKey.deriveKey("x-auth-token/v1", 32).toByteArray(), clock);
    Authenticator authenticator =
        new Authenticator(
            new AkSkVerifier(directory, clock, baseClock, MAX_CLOCK_SKEW), tokens, directory);
    return new IdentityWiring(
        identities, securityTokens, directory, hasher, admin, tokens, authenticator);
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
