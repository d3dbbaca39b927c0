package io.keyloom.auth;

import io.keyloom.auth.IdentityDirectory.AccessSecretEntry;
import io.keyloom.auth.sig.AkSkVerifier;
import io.keyloom.auth.sig.SignatureException;
import io.keyloom.auth.sig.SignedRequest;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.store.IdentityRows.ProjectRow;

/**
 * Authenticates a KMS request by AK/SK signature or X-Auth-Token and checks that the caller may act
 * in the project named by the path.
 *
 * <p>Dispatch follows Huawei's gateway: {@code Authorization} first, then {@code X-Auth-Token};
 * neither gives 401. Signature failures are 401 {@code APIGW.0301}; token failures are 403 {@code
 * KMS.030x}; a project outside the caller's scope is 403 {@code KMS.0321}.
 */
public final class Authenticator {
  private static final String AUTHENTICATION_REQUIRED =
      "The request you have made requires authentication.";
  private final AkSkVerifier verifier;
  private final TokenCodec tokens;
  private final IdentityDirectory directory;

  /** An authenticator over the given verifiers and directory. */
  public Authenticator(AkSkVerifier verifier, TokenCodec tokens, IdentityDirectory directory) {
    this.verifier = verifier;
    this.tokens = tokens;
    this.directory = directory;
  }

  /**
   * Returns the caller, or throws the {@link KmsException} to send.
   *
   * @param request the request as received
   * @param pathProjectId the {@code {project_id}} of the path
   */
  public Caller authenticate(SignedRequest request, String pathProjectId) {
    if (request.header().apply("Authorization") != null) {
      return bySignature(request, pathProjectId);
    }
    String token = request.header().apply("X-Auth-Token");
    if (token != null) {
      return byToken(token, pathProjectId);
    }
    throw new KmsException(
        ErrorCode.UNAUTHENTICATED,
        "Incorrect IAM authentication information: no Authorization or X-Auth-Token header.");
  }

  /**
   * Authenticates a call to an IAM endpoint ({@code /v3/...}): any valid signature or token of the
   * user, whatever its scope. The caller has no project.
   *
   * @param allowTemporary whether temporary (security-token) credentials are accepted
   */
  public Caller user(SignedRequest request, boolean allowTemporary) {
    if (request.header().apply("Authorization") != null) {
      AccessSecretEntry owner = signer(request);
      if (owner.temporary() && !allowTemporary) {
        throw IamException.forbidden("Temporary credentials cannot be used for this request.");
      }
      return new Caller(owner.domainId(), owner.userId(), null, null, method(owner));
    }
    String token = request.header().apply("X-Auth-Token");
    if (token == null) {
      throw IamException.unauthorized(AUTHENTICATION_REQUIRED);
    }
    TokenClaims claims;
    try {
      claims = verifyToken(token);
    } catch (KmsException e) {
      throw IamException.unauthorized(AUTHENTICATION_REQUIRED);
    }
    return new Caller(claims.domainId(), claims.userId(), null, null, AuthMethod.TOKEN);
  }

  private AccessSecretEntry signer(SignedRequest request) {
    String accessKey;
    try {
      accessKey = verifier.verify(request);
    } catch (SignatureException e) {
      throw new KmsException(
          ErrorCode.UNAUTHENTICATED, "Incorrect IAM authentication information: " + e.getMessage());
    }
    AccessSecretEntry owner =
        directory
            .accessKey(accessKey, request.header().apply("X-Security-Token"))
            .orElseThrow(() -> new IllegalStateException("verified access key vanished"));
    // A temporary credential is sealed, not stored: it outlives its user unless checked here
    // (the emulator's reset removes users; the lookup is cached).
    if (owner.temporary() && directory.user(owner.userId()).isEmpty()) {
      throw new KmsException(
          ErrorCode.UNAUTHENTICATED,
          "Incorrect IAM authentication information: the credential's user no longer exists");
    }
    return owner;
  }

  private Caller bySignature(SignedRequest request, String pathProjectId) {
    AccessSecretEntry owner = signer(request);
    String headerProject = request.header().apply("X-Project-Id");
    if (headerProject != null && !headerProject.equals(pathProjectId)) {
      throw new KmsException(
          ErrorCode.PROJECT_MISMATCH, "The X-Project-Id header differs from the URL project.");
    }
    return inProject(owner.domainId(), owner.userId(), pathProjectId, method(owner));
  }

  /**
   * Verifies a token and that its user still exists in its domain. Users are cached after the first
   * look-up (IdentityDirectory), so this costs no store read on the hot path.
   */
  private TokenClaims verifyToken(String token) {
    TokenClaims claims = tokens.verify(token);
    if (directory
        .user(claims.userId())
        .filter(u -> u.domainId().equals(claims.domainId()))
        .isEmpty()) {
      throw new KmsException(ErrorCode.TOKEN_INVALID);
    }
    return claims;
  }

  private Caller byToken(String token, String pathProjectId) {
    TokenClaims claims = verifyToken(token);
    if (claims.projectId() == null) {
      throw new KmsException(ErrorCode.TOKEN_NOT_PROJECT_SCOPED);
    }
    if (!claims.projectId().equals(pathProjectId)) {
      throw new KmsException(ErrorCode.PROJECT_MISMATCH);
    }
    return inProject(claims.domainId(), claims.userId(), pathProjectId, AuthMethod.TOKEN);
  }

  private static AuthMethod method(AccessSecretEntry owner) {
    return owner.temporary() ? AuthMethod.TEMPORARY_AKSK : AuthMethod.AKSK;
  }

  private Caller inProject(String domainId, String userId, String projectId, AuthMethod method) {
    ProjectRow project =
        directory
            .project(projectId)
            .filter(p -> p.domainId().equals(domainId))
            .orElseThrow(() -> new KmsException(ErrorCode.PROJECT_MISMATCH));
    return new Caller(domainId, userId, project.id(), project.name(), method);
  }
}
