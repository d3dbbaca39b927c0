package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@link OpenApi} can fail: an undocumented field, status or missing header is a
 * finding. Without these, a validator that accepts everything would pass every other OpenAPI test.
 */
class OpenApiCheckTest {
  static final OpenApi API = OpenApi.load();
  static final String ENCRYPT = "/v1.0/{project_id}/kms/encrypt-data";
  static final String KEY_ID = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
  static final String REQUEST_ID = "0123456789abcdef0123456789abcdef";

  static Http.Response response(int status, String body, String requestId) {
    Map<String, List<String>> headers =
        requestId == null
            ? Map.of("Content-Type", List.of("application/json;charset=UTF-8"))
            : Map.of(
                "Content-Type",
                List.of("application/json;charset=UTF-8"),
                "X-Request-Id",
                List.of(requestId));
    return new Http.Response(status, HttpHeaders.of(headers, (a, b) -> true), body);
  }

  static String encrypted(String extra) {
    return "{\"key_id\":\"" + KEY_ID + "\",\"cipher_text\":\"AgBq+/==\"" + extra + "}";
  }

  @Test
  void aDocumentedResponse_hasNoFindings() {
    assertThat(API.checkResponse("POST", ENCRYPT, response(200, encrypted(""), REQUEST_ID)))
        .isEmpty();
  }

  @Test
  void anUndocumentedField_isAFinding() {
    assertThat(
            API.checkResponse(
                "POST", ENCRYPT, response(200, encrypted(",\"key_version\":\"1\""), REQUEST_ID)))
        .singleElement()
        .asString()
        .contains("key_version");
  }

  @Test
  void aMissingOrMistypedField_isAFinding() {
    String noCipher = "{\"key_id\":\"" + KEY_ID + "\"}";
    assertThat(API.checkResponse("POST", ENCRYPT, response(200, noCipher, REQUEST_ID)))
        .isNotEmpty();
    String numericTotal =
        "{\"keys\":[],\"key_details\":[],\"next_marker\":\"\",\"truncated\":\"false\","
            + "\"total\":\"0\"}";
    assertThat(
            API.checkResponse(
                "POST",
                "/v1.0/{project_id}/kms/list-keys",
                response(200, numericTotal, REQUEST_ID)))
        .isNotEmpty();
  }

  @Test
  void anUndocumentedStatus_isAFinding() {
    assertThat(API.checkResponse("POST", ENCRYPT, response(418, encrypted(""), REQUEST_ID)))
        .singleElement()
        .asString()
        .contains("418");
  }

  @Test
  void aMissingRequestIdHeader_isAFinding() {
    assertThat(API.checkResponse("POST", ENCRYPT, response(200, encrypted(""), null)))
        .singleElement()
        .asString()
        .contains("X-Request-Id");
    assertThat(API.checkResponse("POST", ENCRYPT, response(200, encrypted(""), "not-hex")))
        .isNotEmpty();
  }

  @Test
  void anErrorInTheWrongShape_isAFinding() {
    String gateway =
        "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"no\",\"request_id\":\""
            + REQUEST_ID
            + "\"}";
    assertThat(API.checkResponse("POST", ENCRYPT, response(401, gateway, REQUEST_ID))).isEmpty();
    assertThat(API.checkResponse("POST", ENCRYPT, response(400, gateway, REQUEST_ID))).isNotEmpty();
  }

  @Test
  void anUndocumentedOperation_isAFinding() {
    assertThat(API.checkResponse("GET", ENCRYPT, response(200, encrypted(""), REQUEST_ID)))
        .singleElement()
        .asString()
        .contains("not documented");
  }
}
