package io.keyloom.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.keyloom.auth.Caller;
import io.keyloom.error.ErrorCode;
import io.keyloom.kms.Project;
import io.keyloom.kms.api.Requests;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The route table: every endpoint with its method, path, body limit and authentication, on one
 * screen. Handlers are service method references; the table adds JSON parsing around them.
 */
final class Routes {
  private static final String KMS = "/v1.0/:project_id/kms/";
  private final int maxBody;
  private final KmsServices kms;
  private final IamEndpoints iam;
  private final StoreProbe store;

  Routes(int maxBody, KmsServices kms, IamEndpoints iam, StoreProbe store) {
    this.maxBody = maxBody;
    this.kms = kms;
    this.iam = iam;
    this.store = store;
  }

  List<Route> all() {
    return List.of(
        open(GET, "/health", r -> health()),
        open(GET, "/ready", r -> ready()),
        open(GET, "/", r -> Endpoint.Reply.ok(Versions.all(r.origin()))),
        open(GET, "/v1.0", r -> Endpoint.Reply.ok(Versions.one(r.origin()))),
        open(POST, "/v3/auth/tokens", r -> iam.issueToken(r.body())),
        iam(GET, "/v3/projects", Route.Auth.USER, iam::listProjects),
        iam(
            POST,
            "/v3.0/OS-CREDENTIAL/securitytokens",
            Route.Auth.LONG_TERM_USER,
            iam::issueSecurityToken),
        kms("create-key", Requests.CreateKey.class, kms.keys()::create),
        kms("describe-key", Requests.KeyId.class, kms.keys()::describe),
        kms("list-keys", Requests.ListKeys.class, kms.listing()::list),
        kms("enable-key", Requests.KeyId.class, kms.keys()::enable),
        kms("disable-key", Requests.KeyId.class, kms.keys()::disable),
        kms("schedule-key-deletion", Requests.ScheduleKeyDeletion.class, kms.deletions()::schedule),
        kms("cancel-key-deletion", Requests.KeyId.class, kms.deletions()::cancel),
        kms("update-key-alias", Requests.UpdateKeyAlias.class, kms.keys()::updateAlias),
        kms(
            "update-key-description",
            Requests.UpdateKeyDescription.class,
            kms.keys()::updateDescription),
        kmsGet("user-instances", kms.quotas()::instances),
        kmsGet("user-quotas", kms.quotas()::quotas),
        kms("get-publickey", Requests.KeyId.class, kms.keys()::publicKey),
        kms("encrypt-data", Requests.EncryptData.class, kms.data()::encrypt),
        kms("decrypt-data", Requests.DecryptData.class, kms.data()::decrypt),
        kms("sign", Requests.Sign.class, kms.signer()::sign),
        kms("verify", Requests.Verify.class, kms.signer()::verify),
        kms("create-datakey", Requests.CreateDatakey.class, kms.dataKeys()::create),
        kms(
            "create-datakey-without-plaintext",
            Requests.CreateDatakey.class,
            kms.dataKeys()::createWithoutPlaintext),
        kms("encrypt-datakey", Requests.EncryptDatakey.class, kms.dataKeys()::encrypt),
        kms("decrypt-datakey", Requests.DecryptDatakey.class, kms.dataKeys()::decrypt),
        kms("create-rsa-datakey-pair", Requests.CreateDatakeyPair.class, kms.keyPairs()::createRsa),
        kms("create-ec-datakey-pair", Requests.CreateDatakeyPair.class, kms.keyPairs()::createEc),
        kms("gen-random", Requests.GenRandom.class, kms.dataKeys()::random));
  }

  /**
   * Liveness: 200 whenever the process serves HTTP, so a supervisor never restarts a node for a
   * full disk that a restart cannot fix; the store's last known state is in the body, for humans.
   */
  private Endpoint.Reply health() {
    return Endpoint.Reply.ok(
        Map.of("status", "UP", "store", store.down().getAsBoolean() ? "DOWN" : "UP"));
  }

  /** Readiness, for load balancers (docs/storage.md): 200 only while the store serves. */
  private Endpoint.Reply ready() {
    if (store.ready().getAsBoolean()) {
      return Endpoint.Reply.ok(Map.of("status", "UP", "store", "UP"));
    }
    ErrorCode code = ErrorCode.STORE_UNAVAILABLE;
    return new Endpoint.Reply(
        code.status(), ErrorMapper.kms(code, code.message()).body(), Map.of());
  }

  private Route open(HttpMethod method, String path, Endpoint endpoint) {
    return new Route(method, path, maxBody, Route.Auth.NONE, endpoint);
  }

  private Route iam(HttpMethod method, String path, Route.Auth auth, Endpoint endpoint) {
    return new Route(method, path, maxBody, auth, endpoint);
  }

  /** A POST operation with a JSON body. */
  private <Q> Route kms(String operation, Class<Q> type, BiFunction<Project, Q, ?> op) {
    Endpoint endpoint =
        r -> Endpoint.Reply.ok(op.apply(project(r.caller()), Json.read(r.body(), type)));
    return new Route(POST, KMS + operation, maxBody, Route.Auth.PROJECT, endpoint);
  }

  /** A GET operation without parameters; a body, if any, is ignored. */
  private Route kmsGet(String operation, Function<Project, ?> op) {
    Endpoint endpoint = r -> Endpoint.Reply.ok(op.apply(project(r.caller())));
    return new Route(GET, KMS + operation, maxBody, Route.Auth.PROJECT, endpoint);
  }

  private static Project project(Caller caller) {
    return new Project(caller.projectId(), caller.projectName(), caller.domainId());
  }
}
