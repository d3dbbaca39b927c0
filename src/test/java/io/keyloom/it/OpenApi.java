package io.keyloom.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Keyloom's OpenAPI document ({@code src/main/resources/openapi.json}, read from the classpath as
 * the server serves it) and checks of real traffic against it, with the networknt JSON Schema
 * validator in the OpenAPI 3.1 dialect. Every check returns its findings; an empty list means the
 * exchange matches the document.
 */
public final class OpenApi {
  static final String RESOURCE = "openapi.json";
  private static final String JSON_CONTENT = "application/json";
  private static final String JSON_POINTER = escape(JSON_CONTENT);
  private final JsonNode document;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());

  private OpenApi(JsonNode document) {
    this.document = document;
  }

  /** The document as the jar holds it. */
  public static OpenApi load() {
    try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
      }
      return new OpenApi(Http.JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed document. */
  public JsonNode document() {
    return document;
  }

  /** Every documented operation as {@code METHOD /path/{param}}, sorted. */
  public TreeSet<String> operations() {
    TreeSet<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
      for (Map.Entry<String, JsonNode> method : fields(path.getValue())) {
        operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    return operations;
  }

  /**
   * Checks a response of {@code METHOD template} against the operation's documented response for
   * its status: the status is listed, the required headers are present and match, the body is JSON
   * that validates against the schema.
   */
  public List<String> checkResponse(String method, String template, Http.Response response) {
    String operation = operation(method, template);
    if (document.at(operation).isMissingNode()) {
      return List.of(method + " " + template + " is not documented");
    }
    String status = Integer.toString(response.status());
    String documented = operation + "/responses/" + status;
    if (document.at(documented).isMissingNode()) {
      return List.of(method + " " + template + " does not document status " + status);
    }
    return checkAgainst(resolve(documented), response, method + " " + template + " " + status);
  }

  /**
   * Checks a response against {@code components/responses/NAME}: the answers any path may give,
   * such as 404 for a path that does not exist, which no operation can list.
   */
  public List<String> checkComponentResponse(String name, Http.Response response) {
    String documented = "/components/responses/" + name;
    if (document.at(documented).isMissingNode()) {
      return List.of("no components/responses/" + name);
    }
    return checkAgainst(documented, response, name);
  }

  /** Checks a request body against the operation's documented request body schema. */
  public List<String> checkRequest(String method, String template, String body) {
    String schema =
        operation(method, template) + "/requestBody/content/" + JSON_POINTER + "/schema";
    if (document.at(schema).isMissingNode()) {
      return List.of(method + " " + template + " documents no JSON request body");
    }
    return validate(schema, parse(body), method + " " + template + " request");
  }

  /**
   * Validates a JSON value against the schema at a JSON pointer into the document; its {@code
   * $ref}s resolve in the document.
   */
  public List<String> validate(String schemaPointer, JsonNode value, String where) {
    String pointer = resolve(schemaPointer);
    String fragment = pointer.replace("{", "%7B").replace("}", "%7D");
    Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + fragment));
    List<String> findings = new ArrayList<>();
    for (Error e : schema.validate(value)) {
      findings.add(where + ": " + e);
    }
    return findings;
  }

  private List<String> checkAgainst(String documented, Http.Response response, String where) {
    List<String> findings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> header : fields(document.at(documented + "/headers"))) {
      String spec = resolve(documented + "/headers/" + escape(header.getKey()));
      String value = response.header(header.getKey());
      if (value == null) {
        if (document.at(spec + "/required").asBoolean(false)) {
          findings.add(where + ": header " + header.getKey() + " is missing");
        }
      } else {
        findings.addAll(
            validate(spec + "/schema", TextNode.valueOf(value), where + " " + header.getKey()));
      }
    }
    String schema = documented + "/content/" + JSON_POINTER + "/schema";
    String type = response.header("Content-Type");
    if (document.at(documented + "/content").isMissingNode()) {
      if (type != null || !response.text().isEmpty()) { // 204: no body, no Content-Type
        findings.add(where + ": a body where none is documented (" + type + ")");
      }
    } else if (type != null
        && type.startsWith("text/plain")
        && !document.at(documented + "/content/text~1plain").isMissingNode()) {
      if (response.text().isEmpty()) { // GET /metrics: Prometheus text, never empty
        findings.add(where + ": an empty text body");
      }
    } else if (type == null || !type.startsWith(JSON_CONTENT)) {
      findings.add(where + ": Content-Type is " + type);
    } else if (document.at(schema).isMissingNode()) {
      findings.add(where + ": no JSON body is documented");
    } else {
      findings.addAll(validate(schema, parse(response.text()), where));
    }
    return findings;
  }

  /** The JSON pointer of an operation. */
  private static String operation(String method, String template) {
    return "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
  }

  /** Follows a pointer through local {@code $ref}s ({@code #/components/...}) to its target. */
  String resolve(String pointer) {
    String ref = document.at(pointer).path("$ref").asText("");
    return ref.startsWith("#/") ? resolve(ref.substring(1)) : pointer;
  }

  /** A JSON pointer token (RFC 6901): {@code ~} and {@code /} escaped. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode parse(String text) {
    try {
      return Http.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return () -> {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      return it;
    };
  }
}
