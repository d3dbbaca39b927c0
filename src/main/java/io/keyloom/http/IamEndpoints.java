package io.keyloom.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keyloom.auth.IamException;
import io.keyloom.auth.IssuedToken;
import io.keyloom.auth.PasswordLogin;
import io.keyloom.auth.TokenService;
import io.keyloom.error.KmsException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /v3/auth/tokens}: Keystone v3 request and response shapes around TokenService. */
final class IamEndpoints {
  private static final DateTimeFormatter KEYSTONE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private final TokenService tokens;

  IamEndpoints(TokenService tokens) {
    this.tokens = tokens;
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

  Endpoint.Reply issueToken(byte[] body) {
    TokenRequest request;
    try {
      request = Json.read(body, TokenRequest.class);
    } catch (KmsException e) {
      throw IamException.badRequest();
    }
    IssuedToken issued = tokens.issue(login(request));
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
