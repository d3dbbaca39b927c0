package io.keyloom.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plain HTTP client (JDK HttpClient), the way a curl user talks to Keyloom. */
public final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final String endpoint;

  public Http(String endpoint) {
    this.endpoint = endpoint;
  }

  /** A response with its JSON body parsed (or null when empty / not JSON). */
  public record Response(int status, java.net.http.HttpHeaders headers, String text) {
    public JsonNode json() {
      try {
        return text.isEmpty() ? null : JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The error code of a KMS body ({@code error.error_code}) or a flat gateway 401 body. */
    public String errorCode() {
      JsonNode json = json();
      return json.has("error_code")
          ? json.path("error_code").asText(null)
          : json.path("error").path("error_code").asText(null);
    }
  }

  public Response send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response post(String path, String body, Map<String, String> headers) {
    return send("POST", path, body, headers);
  }

  /** Issues a project-scoped token by password, failing the test if that does not work. */
  public String token(String domain, String user, String password, String projectName) {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","password":"%s",\
        "domain":{"name":"%s"}}}},"scope":{"project":{"name":"%s"}}}}"""
            .formatted(user, password, domain, projectName);
    Response r = post("/v3/auth/tokens", body, Map.of());
    if (r.status() != 201) {
      throw new AssertionError("token request failed: " + r.status() + " " + r.text());
    }
    return r.header("X-Subject-Token");
  }

  /** A KMS call with X-Auth-Token. */
  public Response kms(String token, String projectId, String operation, String body) {
    return post("/v1.0/" + projectId + "/kms/" + operation, body, Map.of("X-Auth-Token", token));
  }
}
