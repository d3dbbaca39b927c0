package io.keyloom.http;

import static io.keyloom.http.Route.Method.GET;
import static io.keyloom.http.Route.Method.POST;
import static io.keyloom.http.Work.HEAVY;
import static io.keyloom.http.Work.HOT;
import static io.keyloom.http.Work.LOGIN;
import static io.keyloom.http.Work.WRITE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.keyloom.error.ErrorCode;
import io.keyloom.kms.Project;
import io.keyloom.kms.api.DataRequests;
import io.keyloom.kms.api.DatakeyRequests;
import io.keyloom.kms.api.ImportRequests;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.kms.api.MacRequests;
import io.keyloom.kms.api.RotationRequests;
import io.keyloom.kms.api.SignRequests;
import io.keyloom.metrics.NodeMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The route table: every endpoint with its method, path, body limit and authentication, on one
 * screen. Handlers are service method references; the table adds JSON parsing around them. Each
 * route names the {@link Work} class whose executor runs it (docs/executors.md).
 */
final class Routes {
  private static final String KMS = ProjectRoutes.KMS;
  // Specs whose key generation is a few random bytes: symmetric and HMAC keys.
  private static final Set<String> CHEAP_SPECS =
      Set.of("AES_256", "SM4", "HMAC_256", "HMAC_384", "HMAC_512", "HMAC_SM3");
  private static final Class<KeyRequests.KeyId> KEY_ID = KeyRequests.KeyId.class;
  private final int maxBody;
  private final KmsServices kms;
  private final IamEndpoints iam;
  private final StoreProbe store;
  private final Optional<EmulatorRoutes> emulator;
  private final Faults faults;
  private final ProjectRoutes project;
  private final Optional<NodeMetrics> metrics;

  /**
   * @param faults the emulator's injected faults, whose control routes are served; null without
   *     {@code --emulator}
   */
  Routes(ApiServices services, Faults faults) {
    this.faults = faults;
    this.maxBody = services.maxBodyBytes();
    this.project = new ProjectRoutes(maxBody);
    this.kms = services.kms();
    IamServices iamServices = services.iam();
    this.iam =
        new IamEndpoints(
            iamServices.tokens(), iamServices.directory(), iamServices.securityTokens());
    this.store = services.store();
    this.metrics = services.metrics();
    this.emulator = services.emulator().map(controls -> new EmulatorRoutes(maxBody, controls));
  }

  /** Every route: Huawei's, then the emulator controls when {@code --emulator} is on. */
  List<Route> all() {
    List<Route> all = new ArrayList<>(huawei());
    emulator.ifPresent(e -> all.addAll(e.all()));
    if (faults != null) {
      all.addAll(new FaultRoutes(maxBody, faults, operations(huawei())).all());
    }
    return all;
  }

  /** The KMS operations' names ({@link Route#operation}), which faults may target. */
  static Set<String> operations(List<Route> routes) {
    return routes.stream()
        .filter(r -> r.auth() == Route.Auth.PROJECT)
        .map(Route::operation)
        .collect(Collectors.toSet());
  }

  private List<Route> huawei() {
    List<Route> all = new ArrayList<>(platformRoutes());
    all.addAll(keyRoutes());
    all.addAll(cryptoRoutes());
    all.addAll(importRoutes());
    all.addAll(rotationRoutes());
    ResourceRoutes resources = new ResourceRoutes(project, kms);
    all.addAll(resources.aliases());
    all.addAll(resources.tags());
    all.addAll(resources.grants());
    return all;
  }

  /** Health, metrics (unless off), discovery and IAM: no project in the path. */
  private List<Route> platformRoutes() {
    List<Route> all = new ArrayList<>();
    all.add(open(GET, "/health", r -> health()));
    metrics.ifPresent(m -> all.add(open(GET, "/metrics", r -> Endpoint.Reply.ok(scrape(m)))));
    all.addAll(discoveryAndIam());
    return all;
  }

  private List<Route> discoveryAndIam() {
    return List.of(
        // Queries the store, so it is store work: a stuck store cannot take hot threads with it.
        new Route(GET, "/ready", maxBody, Route.Auth.NONE, b -> WRITE, r -> ready()),
        open(GET, "/openapi.json", r -> Endpoint.Reply.ok(ApiDocument.json())),
        open(GET, "/", r -> Endpoint.Reply.ok(Versions.all(r.origin()))),
        open(GET, "/v1.0", r -> Endpoint.Reply.ok(Versions.one(r.origin()))),
        new Route(
            POST,
            "/v3/auth/tokens",
            maxBody,
            Route.Auth.NONE,
            b -> LOGIN,
            r -> iam.issueToken(r.body(), r.clientAddress())),
        iam(GET, "/v3/projects", Route.Auth.USER, iam::listProjects),
        iam(
            POST,
            "/v3.0/OS-CREDENTIAL/securitytokens",
            Route.Auth.LONG_TERM_USER,
            iam::issueSecurityToken));
  }

  /** Key lifecycle, listing and quotas: store work, except describing a cached key. */
  private List<Route> keyRoutes() {
    return List.of(
        kms(Routes::createKeyWork, "create-key", KeyRequests.CreateKey.class, kms.keys()::create),
        kms(HOT, "describe-key", KeyRequests.KeyId.class, kms.keys()::describe),
        kms(WRITE, "list-keys", KeyRequests.ListKeys.class, kms.listing()::list),
        kms(WRITE, "enable-key", KeyRequests.KeyId.class, kms.keys()::enable),
        kms(WRITE, "disable-key", KeyRequests.KeyId.class, kms.keys()::disable),
        kms(
            WRITE,
            "schedule-key-deletion",
            KeyRequests.ScheduleKeyDeletion.class,
            kms.deletions()::schedule),
        kms(WRITE, "cancel-key-deletion", KeyRequests.KeyId.class, kms.deletions()::cancel),
        kms(WRITE, "update-key-alias", KeyRequests.UpdateKeyAlias.class, kms.keys()::updateAlias),
        kms(
            WRITE,
            "update-key-description",
            KeyRequests.UpdateKeyDescription.class,
            kms.keys()::updateDescription),
        kmsGet("user-instances", kms.quotas()::instances),
        kmsGet("user-quotas", kms.quotas()::quotas));
  }

  /** Cryptographic operations: hot with a cached key, heavy for key pair generation. */
  private List<Route> cryptoRoutes() {
    return List.of(
        kms(HOT, "get-publickey", KeyRequests.KeyId.class, kms.keys()::publicKey),
        kms(HOT, "encrypt-data", DataRequests.EncryptData.class, kms.data()::encrypt),
        kms(HOT, "decrypt-data", DataRequests.DecryptData.class, kms.data()::decrypt),
        kms(HOT, "sign", SignRequests.Sign.class, kms.signer()::sign),
        kms(HOT, "verify", SignRequests.Verify.class, kms.signer()::verify),
        kms(HOT, "generate-mac", MacRequests.GenerateMac.class, kms.macs()::generate),
        kms(HOT, "verify-mac", MacRequests.VerifyMac.class, kms.macs()::verify),
        kms(HOT, "create-datakey", DatakeyRequests.CreateDatakey.class, kms.dataKeys()::create),
        kms(
            HOT,
            "create-datakey-without-plaintext",
            DatakeyRequests.CreateDatakey.class,
            kms.dataKeys()::createWithoutPlaintext),
        kms(HOT, "encrypt-datakey", DatakeyRequests.EncryptDatakey.class, kms.dataKeys()::encrypt),
        kms(HOT, "decrypt-datakey", DatakeyRequests.DecryptDatakey.class, kms.dataKeys()::decrypt),
        kms(
            HEAVY,
            "create-rsa-datakey-pair",
            DatakeyRequests.CreateDatakeyPair.class,
            kms.keyPairs()::createRsa),
        kms(
            HEAVY,
            "create-ec-datakey-pair",
            DatakeyRequests.CreateDatakeyPair.class,
            kms.keyPairs()::createEc),
        kms(HOT, "gen-random", DatakeyRequests.GenRandom.class, kms.dataKeys()::random));
  }

  /** Automatic rotation: store work; the status is a cached read (docs/key-rotation.md). */
  private List<Route> rotationRoutes() {
    return List.of(
        kms(WRITE, "enable-key-rotation", KeyRequests.KeyId.class, kms.rotation()::enable),
        kms(WRITE, "disable-key-rotation", KeyRequests.KeyId.class, kms.rotation()::disable),
        kms(HOT, "get-key-rotation-status", KeyRequests.KeyId.class, kms.rotation()::status),
        kms(
            WRITE,
            "update-key-rotation-interval",
            RotationRequests.UpdateKeyRotationInterval.class,
            kms.rotation()::updateInterval));
  }

  /** Bring your own key: store work, except making a wrapping key. */
  private List<Route> importRoutes() {
    return List.of(
        // Generates an RSA_2048 (or SM2) wrapping key: HEAVY work (docs/executors.md).
        kms(HEAVY, "get-parameters-for-import", Import.PARAMETERS, kms.imports()::parameters),
        kms(WRITE, "import-key-material", Import.MATERIAL, kms.imports()::importMaterial),
        kms(WRITE, "delete-imported-key-material", KEY_ID, kms.imports()::deleteMaterial));
  }

  /** The request types of the import routes, so that each route stays one line. */
  private static final class Import {
    static final Class<ImportRequests.GetParametersForImport> PARAMETERS =
        ImportRequests.GetParametersForImport.class;
    static final Class<ImportRequests.ImportKeyMaterial> MATERIAL =
        ImportRequests.ImportKeyMaterial.class;
  }

  /**
   * create-key generates key material: microseconds for AES_256, SM4 and HMAC (a store write), up
   * to seconds for RSA_4096. Asymmetric specs therefore run as HEAVY work; a body that does not
   * name a spec clearly runs as WRITE and fails validation there.
   */
  static Work createKeyWork(byte[] body) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return WRITE;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("key_spec".equals(field) && value == JsonToken.VALUE_STRING) {
          return CHEAP_SPECS.contains(parser.getText()) ? WRITE : HEAVY;
        }
        parser.skipChildren();
      }
      return WRITE;
    } catch (IOException e) {
      return WRITE;
    }
  }

  /**
   * Liveness: 200 whenever the process serves HTTP, so a supervisor never restarts a node for a
   * full disk that a restart cannot fix; the store's last known state is in the body, for humans.
   */
  private Endpoint.Reply health() {
    return Endpoint.Reply.ok(
        Map.of("status", "UP", "store", store.down().getAsBoolean() ? "DOWN" : "UP"));
  }

  /** Every meter in the Prometheus text format (docs/metrics.md). */
  private static PlainText scrape(NodeMetrics metrics) {
    return new PlainText(metrics.scrape(), NodeMetrics.CONTENT_TYPE);
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

  private Route open(Route.Method method, String path, Endpoint endpoint) {
    return new Route(method, path, maxBody, Route.Auth.NONE, b -> HOT, endpoint);
  }

  /** IAM routes other than login read the store (projects) or are rare (temporary credentials). */
  private Route iam(Route.Method method, String path, Route.Auth auth, Endpoint endpoint) {
    return new Route(method, path, maxBody, auth, b -> WRITE, endpoint);
  }

  /** A POST operation under {@code /v1.0/{project_id}/kms/} with a JSON body, answering 200. */
  private <Q> Route kms(Work work, String operation, Class<Q> type, BiFunction<Project, Q, ?> op) {
    return project.ok(POST, KMS + operation, work, type, op);
  }

  private <Q> Route kms(
      Function<byte[], Work> work, String operation, Class<Q> type, BiFunction<Project, Q, ?> op) {
    return project.ok(POST, KMS + operation, work, type, op);
  }

  /** A GET operation without parameters, reading the store; a body, if any, is ignored. */
  private Route kmsGet(String operation, Function<Project, ?> op) {
    return project.get(KMS + operation, WRITE, op);
  }
}
