package io.keyloom.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.keyloom.auth.Caller;
import io.keyloom.auth.IamException;
import io.keyloom.auth.IamProject;
import io.keyloom.auth.IdentityDirectory;
import io.keyloom.auth.IssuedToken;
import io.keyloom.auth.PasswordLogin;
import io.keyloom.auth.SecurityTokens;
import io.keyloom.auth.TemporaryCredential;
import io.keyloom.auth.TokenService;
import io.keyloom.error.KmsException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM subset in Keystone v3 / Huawei IAM shapes: password tokens ({@code POST
 * /v3/auth/tokens}), project discovery ({@code GET /v3/projects}) and temporary credentials ({@code
 * POST /v3.0/OS-CREDENTIAL/securitytokens}).
 */
final class IamEndpoints {
  private static final DateTimeFormatter KEYSTONE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final int DEFAULT_DURATION_SECONDS = 900;
  private final TokenService tokens;
  private final IdentityDirectory directory;
  private final SecurityTokens securityTokens;

  IamEndpoints(TokenService tokens, IdentityDirectory directory, SecurityTokens securityTokens) {
    this.tokens = tokens;
    this.directory = directory;
    this.securityTokens = securityTokens;
  }

  /**
   * {@code GET /v3/projects[?name=&domain_id=]}: the caller's domain's projects. The SDK calls this
   * to find the project id of a region when a client is built without one.
   */
  Endpoint.Reply listProjects(Endpoint.Request call) {
    Caller caller = call.caller();
    String domainId = call.query().get("domain_id");
    List<IamProject> rows =
        domainId != null && !domainId.equals(caller.domainId())
            ? List.of()
            : directory.projects(caller.domainId(), call.query().get("name"));
    List<Map<String, Object>> projects = new ArrayList<>();
    for (IamProject p : rows) {
      Map<String, Object> project = new LinkedHashMap<>();
      project.put("id", p.id());
      project.put("name", p.name());
      project.put("domain_id", p.domainId());
      project.put("parent_id", p.domainId());
      project.put("description", "");
      project.put("enabled", true);
      project.put("is_domain", false);
      project.put("links", Map.of("self", "/v3/projects/" + p.id()));
      projects.add(project);
    }
    return Endpoint.Reply.ok(Map.of("projects", projects, "links", Map.of("self", "/v3/projects")));
  }

  record SecurityTokenRequest(SecurityTokenAuth auth) {}

  record SecurityTokenAuth(SecurityTokenIdentity identity) {}

  record SecurityTokenIdentity(List<String> methods, TokenRef token, JsonNode policy) {}

  record TokenRef(String id, Integer durationSeconds) {
    @Override
    public String toString() {
      return "TokenRef[id=REDACTED, durationSeconds=" + durationSeconds + "]";
    }
  }

  /**
   * {@code POST /v3.0/OS-CREDENTIAL/securitytokens} with the {@code token} method: a temporary
   * AK/SK and security token for the authenticated user (Huawei's CreateTemporaryAccessKeyByToken).
   */
  Endpoint.Reply issueSecurityToken(Endpoint.Request call) {
    SecurityTokenIdentity identity = securityTokenIdentity(call.body());
    if (identity.policy() != null && !identity.policy().isNull()) {
      throw IamException.badRequest(
          "Scoping temporary credentials with a policy is not supported.");
    }
    TokenRef token = identity.token() == null ? new TokenRef(null, null) : identity.token();
    if (token.id() != null && !tokens.isTokenOf(token.id(), call.caller().userId())) {
      throw IamException.unauthorized("token.id is not a valid token of the caller.");
    }
    int seconds =
        token.durationSeconds() == null ? DEFAULT_DURATION_SECONDS : token.durationSeconds();
    TemporaryCredential c =
        securityTokens.issue(
            call.caller().userId(), call.caller().domainId(), Duration.ofSeconds(seconds));
    Map<String, Object> credential = new LinkedHashMap<>();
    credential.put("access", c.access());
    credential.put("secret", c.secret());
    credential.put("securitytoken", c.securityToken());
    credential.put("expires_at", KEYSTONE_TIME.format(c.expiresAt()));
    return new Endpoint.Reply(201, Map.of("credential", credential), Map.of());
  }

  private static SecurityTokenIdentity securityTokenIdentity(byte[] body) {
    SecurityTokenRequest request;
    try {
      request = Json.read(body, SecurityTokenRequest.class);
    } catch (KmsException e) {
      throw IamException.badRequest();
    }
    if (request.auth() == null
        || request.auth().identity() == null
        || request.auth().identity().methods() == null) {
      throw IamException.badRequest();
    }
    if (!request.auth().identity().methods().equals(List.of("token"))) {
      throw IamException.badRequest(
          "Only the token method is supported (agencies and assume_role are not).");
    }
    return request.auth().identity();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TokenRequest(AuthBody auth) {}

  record AuthBody(Identity identity, Scope scope) {}

  record Identity(List<String> methods, Password password) {}

  record Password(UserRef user) {}

  record UserRef(String id, String name, String password, NamedRef domain) {
    @Override
    public String toString() {
      return "UserRef[name=" + name + ", password=REDACTED]";
    }
  }

  record NamedRef(String id, String name) {}

  record Scope(NamedRef project, NamedRef domain) {}

  Endpoint.Reply issueToken(byte[] body, String clientAddress) {
    TokenRequest request;
    try {
      request = Json.read(body, TokenRequest.class);
    } catch (KmsException e) {
      throw IamException.badRequest();
    }
    IssuedToken issued = tokens.issue(login(request), clientAddress);
    return new Endpoint.Reply(201, tokenBody(issued), Map.of("X-Subject-Token", issued.token()));
  }

  private static PasswordLogin login(TokenRequest r) {
    if (r.auth() == null
        || r.auth().identity() == null
        || r.auth().identity().methods() == null
        || !r.auth().identity().methods().contains("password")
        || r.auth().identity().password() == null
        || r.auth().identity().password().user() == null) {
      throw IamException.badRequest();
    }
    UserRef user = r.auth().identity().password().user();
    NamedRef domain = user.domain() == null ? new NamedRef(null, null) : user.domain();
    NamedRef project =
        r.auth().scope() == null || r.auth().scope().project() == null
            ? new NamedRef(null, null)
            : r.auth().scope().project();
    return new PasswordLogin(
        user.name(),
        user.id(),
        domain.name(),
        domain.id(),
        user.password(),
        project.id(),
        project.name());
  }

  private static Map<String, Object> tokenBody(IssuedToken t) {
    Map<String, Object> domain = Map.of("id", t.domain().id(), "name", t.domain().name());
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("expires_at", KEYSTONE_TIME.format(t.claims().expiresAt()));
    token.put("issued_at", KEYSTONE_TIME.format(t.claims().issuedAt()));
    token.put("methods", List.of("password"));
    token.put("catalog", List.of());
    if (t.project() != null) {
      token.put(
          "project", Map.of("id", t.project().id(), "name", t.project().name(), "domain", domain));
    } else {
      token.put("domain", domain);
    }
    token.put("roles", List.of(Map.of("id", "0", "name", "te_admin")));
    token.put(
        "user",
        Map.of(
            "id",
            t.user().id(),
            "name",
            t.user().name(),
            "password_expires_at",
            "",
            "domain",
            domain));
    return Map.of("token", token);
  }
}
