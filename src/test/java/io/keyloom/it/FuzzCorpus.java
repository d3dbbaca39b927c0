package io.keyloom.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * A deterministic generator of hostile HTTP requests: a valid request to one of every route kind
 * (KMS with a token, IAM, token issuance, open and unknown paths), then one to three mutations of
 * the request line, headers, framing or JSON body. Request data carries {@link #CANARY} so a test
 * can prove it never reaches the log or an error body.
 */
final class FuzzCorpus {
  /** Planted in URIs, query strings, header values and version tokens. */
  static final String CANARY = "CANARY7f3a";

  private final Random random;
  private final String token;
  private final String keyId;
  private final List<BiConsumer<FuzzRequest, Random>> mutators;

  FuzzCorpus(long seed, String token, String keyId) {
    this.random = new Random(seed);
    this.token = token;
    this.keyId = keyId;
    this.mutators = FuzzMutators.all();
  }

  /** The next request of the sequence. */
  FuzzRequest next() {
    FuzzRequest r = base();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      int which = random.nextInt(mutators.size());
      r.mutations.add(Integer.toString(which));
      mutators.get(which).accept(r, random);
    }
    if (random.nextInt(4) == 0) {
      List<BiConsumer<FuzzRequest, Random>> framing = FuzzMutators.framing();
      int which = random.nextInt(framing.size());
      r.mutations.add("framing " + which);
      framing.get(which).accept(r, random);
    }
    return r;
  }

  private FuzzRequest base() {
    String kms = "/v1.0/" + TestServer.PROJECT_ID + "/kms/";
    FuzzRequest r =
        switch (random.nextInt(12)) {
          case 0 -> kmsPost(kms + "create-key", "{\"key_alias\":\"fz-" + random.nextInt() + "\"}");
          case 1 -> kmsPost(kms + "encrypt-data", encrypt());
          case 2 -> kmsPost(kms + "describe-key", "{\"key_id\":\"" + keyId + "\"}");
          case 3 -> kmsPost(kms + "create-datakey", "{\"key_id\":\"" + keyId + "\"}");
          case 4 -> kmsPost(kms + "gen-random", "{\"random_data_length\":\"256\"}");
          case 5 -> kmsPost(kms + "list-keys", "{\"limit\":\"2\"}");
          case 6 -> withToken(new FuzzRequest("GET", kms + "user-instances"));
          case 7 ->
              withToken(
                  new FuzzRequest(
                      "GET", "/v3/projects?name=" + TestServer.PROJECT + "&x=" + CANARY));
          case 8 ->
              new FuzzRequest("POST", "/v3/auth/tokens")
                  .body(random.nextInt(4) == 0 ? passwordLogin() : "{\"auth\":{}}");
          case 9 ->
              withToken(new FuzzRequest("POST", "/v3.0/OS-CREDENTIAL/securitytokens"))
                  .body("{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}");
          case 10 -> new FuzzRequest("GET", random.nextBoolean() ? "/health" : "/v1.0");
          default -> new FuzzRequest("GET", "/no/such/" + CANARY);
        };
    return withStandardHeaders(r);
  }

  private static FuzzRequest withStandardHeaders(FuzzRequest r) {
    r.header("Host", "127.0.0.1");
    if (r.method.equals("POST")) {
      r.header("Content-Type", "application/json;charset=UTF-8");
    }
    r.header("X-Fuzz", CANARY);
    return r;
  }

  private FuzzRequest kmsPost(String path, String body) {
    return withToken(new FuzzRequest("POST", path)).body(body);
  }

  private FuzzRequest withToken(FuzzRequest r) {
    return r.header("X-Auth-Token", token);
  }

  private String encrypt() {
    return "{\"key_id\":\"%s\",\"plain_text\":\"hello\",\"encryption_context\":{\"a\":\"b\"}}"
        .formatted(keyId);
  }

  private static String passwordLogin() {
    return """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"wrong-%s","domain":{"name":"%s"}}}},"scope":{"project":{"name":"%s"}}}}"""
        .formatted(TestServer.USER, CANARY, TestServer.DOMAIN, TestServer.PROJECT);
  }

  /** {@code n} requests of the sequence. */
  List<FuzzRequest> take(int n) {
    List<FuzzRequest> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(next());
    }
    return all;
  }
}
