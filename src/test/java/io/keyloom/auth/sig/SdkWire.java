package io.keyloom.auth.sig;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.IAKSKSigner;
import com.huaweicloud.sdk.core.auth.P256SHA256Signer;
import com.huaweicloud.sdk.core.auth.SM2SM3Signer;
import com.huaweicloud.sdk.core.auth.SM3AKSKSigner;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/**
 * Signs requests with the real Huawei Cloud SDK 3.1.143 signer classes and turns them into what
 * okhttp would put on the wire: the SDK's URL re-encoded by {@link HttpUrl}, its headers plus the
 * ones {@code sign} returns, and the body bytes.
 */
final class SdkWire {
  /** The SDK signer for each algorithm. */
  enum Algorithm {
    HMAC_SHA256(AKSKSigner.getInstance()),
    HMAC_SM3(SM3AKSKSigner.getInstance()),
    ECDSA_P256_SHA256(P256SHA256Signer.getInstance()),
    SM2_SM3(SM2SM3Signer.getInstance());

    final IAKSKSigner signer;

    Algorithm(IAKSKSigner signer) {
      this.signer = signer;
    }
  }

  /** A request as received, before it is handed to the verifier; easy to tamper with. */
  record Received(String method, String rawUri, Map<String, String> headers, byte[] body) {
    SignedRequest toSigned() {
      return Wire.request(method, rawUri, headers, body);
    }

    Received withRawUri(String uri) {
      return new Received(method, uri, headers, body);
    }

    Received withBody(byte[] newBody) {
      return new Received(method, rawUri, headers, newBody);
    }

    Received withHeaders(UnaryOperator<Map<String, String>> edit) {
      return new Received(method, rawUri, edit.apply(new LinkedHashMap<>(headers)), body);
    }
  }

  private SdkWire() {}

  /** Signs {@code request} with the SDK and returns what the server would receive. */
  static Received sign(Algorithm alg, HttpRequest request, String ak, String sk) {
    BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk);
    Map<String, String> added = alg.signer.sign(request, credentials);
    Map<String, String> headers = new LinkedHashMap<>();
    request.getHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
    headers.putAll(added);
    HttpUrl url = HttpUrl.get(request.getUrl().toString());
    String query = url.encodedQuery();
    String rawUri = url.encodedPath() + (query == null ? "" : "?" + query);
    String body = request.getBodyAsString();
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return new Received(request.getMethod().name(), rawUri, headers, bytes);
  }
}
