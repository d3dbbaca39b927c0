package io.keyloom.auth;

import io.keyloom.error.KmsException;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.IdentityRows.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The password flow of {@code POST /v3/auth/tokens}: checks credentials and issues a token. */
public final class TokenService {
  private static final String WRONG_CREDENTIALS = "The username or password is wrong.";
  private final IdentityRepository repository;
  private final LoginProtection protection;
  private final TokenCodec codec;
  private final Clock clock;
  private final Duration lifetime;

  /** A token service issuing tokens valid for {@code lifetime}. */
  public TokenService(
      IdentityRepository repository,
      LoginProtection protection,
      TokenCodec codec,
      Clock clock,
      Duration lifetime) {
    this.repository = repository;
    this.protection = protection;
    this.codec = codec;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /**
   * Issues a token for a password login from {@code clientAddress}, under login protection.
   *
   * @throws IamException 400 for an incomplete request, 401 for wrong credentials, a locked user or
   *     a project the user cannot use; the message never says which part was wrong
   * @throws io.keyloom.error.KmsException 429 {@code APIGW.0308} when the address is throttled
   */
  public IssuedToken issue(PasswordLogin login, String clientAddress) {
    if (login.password() == null || (login.userId() == null && login.userName() == null)) {
      throw IamException.badRequest();
    }
    protection.checkAddress(clientAddress);
    Optional<UserRow> found = findUser(login);
    String subject =
        found
            .map(UserRow::id)
            .orElseGet(
                () ->
                    LoginProtection.unknownSubject(
                        login.userId(), login.domainId(), login.domainName(), login.userName()));
    if (!protection.attempt(
        subject, clientAddress, login.password(), found.map(UserRow::passwordHash))) {
      throw IamException.unauthorized(WRONG_CREDENTIALS);
    }
    UserRow user = found.orElseThrow();
    DomainRow domain = repository.findDomain(user.domainId()).orElseThrow();
    ProjectRow project = scope(login, domain);
    Instant now = clock.instant();
    TokenClaims claims =
        new TokenClaims(
            user.id(), domain.id(), project == null ? null : project.id(), now, now.plus(lifetime));
    return new IssuedToken(codec.issue(claims), claims, user, domain, project);
  }

  /** Whether {@code token} is a valid, unexpired X-Auth-Token of the user {@code userId}. */
  public boolean isTokenOf(String token, String userId) {
    try {
      return codec.verify(token).userId().equals(userId);
    } catch (KmsException e) {
      return false;
    }
  }

  private Optional<UserRow> findUser(PasswordLogin login) {
    if (login.userId() != null) {
      return repository.findUser(login.userId());
    }
    Optional<DomainRow> domain =
        login.domainId() != null
            ? repository.findDomain(login.domainId())
            : Optional.ofNullable(login.domainName()).flatMap(repository::findDomainByName);
    return domain.flatMap(d -> repository.findUser(d.id(), login.userName()));
  }

  private ProjectRow scope(PasswordLogin login, DomainRow domain) {
    if (login.projectId() == null && login.projectName() == null) {
      return null;
    }
    Optional<ProjectRow> project =
        login.projectId() != null
            ? repository
                .findProject(login.projectId())
                .filter(p -> p.domainId().equals(domain.id()))
            : repository.findProject(domain.id(), login.projectName());
    return project.orElseThrow(
        () -> IamException.unauthorized("The project does not exist or is not accessible."));
  }
}
