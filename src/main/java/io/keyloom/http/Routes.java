package io.keyloom.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.keyloom.auth.Caller;
import io.keyloom.kms.DataKeyService;
import io.keyloom.kms.DataService;
import io.keyloom.kms.KeyPairService;
import io.keyloom.kms.KeyService;
import io.keyloom.kms.Project;
import io.keyloom.kms.SignService;
import io.keyloom.kms.api.Requests;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The route table: every endpoint with its method, path, body limit and authentication, on one
 * screen. Handlers are service method references; the table adds JSON parsing around them.
 */
final class Routes {
  private static final String KMS = "/v1.0/:project_id/kms/";
  private final int maxBody;
  private final KeyService keys;
  private final DataService data;
  private final SignService signer;
  private final DataKeyService dataKeys;
  private final KeyPairService keyPairs;
  private final IamEndpoints iam;

  Routes(int maxBody, KmsServices kms, IamEndpoints iam) {
    this.maxBody = maxBody;
    this.keys = kms.keys();
    this.data = kms.data();
    this.signer = kms.signer();
    this.dataKeys = kms.dataKeys();
    this.keyPairs = kms.keyPairs();
    this.iam = iam;
  }

  List<Route> all() {
    return List.of(
        open(GET, "/health", call -> Endpoint.Reply.ok(Map.of("status", "UP"))),
        open(POST, "/v3/auth/tokens", call -> iam.issueToken(call.body())),
        iam(GET, "/v3/projects", Route.Auth.USER, iam::listProjects),
        iam(
            POST,
            "/v3.0/OS-CREDENTIAL/securitytokens",
            Route.Auth.LONG_TERM_USER,
            iam::issueSecurityToken),
        kms("create-key", Requests.CreateKey.class, keys::create),
        kms("describe-key", Requests.KeyId.class, keys::describe),
        kms("enable-key", Requests.KeyId.class, keys::enable),
        kms("disable-key", Requests.KeyId.class, keys::disable),
        kms("get-publickey", Requests.KeyId.class, keys::publicKey),
        kms("encrypt-data", Requests.EncryptData.class, data::encrypt),
        kms("decrypt-data", Requests.DecryptData.class, data::decrypt),
        kms("sign", Requests.Sign.class, signer::sign),
        kms("verify", Requests.Verify.class, signer::verify),
        kms("create-datakey", Requests.CreateDatakey.class, dataKeys::create),
        kms(
            "create-datakey-without-plaintext",
            Requests.CreateDatakey.class,
            dataKeys::createWithoutPlaintext),
        kms("encrypt-datakey", Requests.EncryptDatakey.class, dataKeys::encrypt),
        kms("decrypt-datakey", Requests.DecryptDatakey.class, dataKeys::decrypt),
        kms("create-rsa-datakey-pair", Requests.CreateDatakeyPair.class, keyPairs::createRsa),
        kms("create-ec-datakey-pair", Requests.CreateDatakeyPair.class, keyPairs::createEc),
        kms("gen-random", Requests.GenRandom.class, dataKeys::random));
  }

  private Route open(HttpMethod method, String path, Endpoint endpoint) {
    return new Route(method, path, maxBody, Route.Auth.NONE, endpoint);
  }

  private Route iam(HttpMethod method, String path, Route.Auth auth, Endpoint endpoint) {
    return new Route(method, path, maxBody, auth, endpoint);
  }

  private <Q> Route kms(String operation, Class<Q> type, BiFunction<Project, Q, ?> op) {
    Endpoint endpoint =
        call -> Endpoint.Reply.ok(op.apply(project(call.caller()), Json.read(call.body(), type)));
    return new Route(POST, KMS + operation, maxBody, Route.Auth.PROJECT, endpoint);
  }

  private static Project project(Caller caller) {
    return new Project(caller.projectId(), caller.projectName(), caller.domainId());
  }
}
