package io.keyloom.auth.sig;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the canonical request rebuilt from the wire equals, byte for byte, the one the
 * SDK's own signer hashed. A failure shows both strings, which a signature mismatch cannot.
 */
class SdkCanonicalRequestTest {

  /** Records the canonical request the SDK builds; behaviour is otherwise unchanged. */
  private static final class RecordingSigner extends AKSKSigner {
    private String last;

    @Override
    protected String buildCanonicalRequest(String... parts) {
      last = super.buildCanonicalRequest(parts);
      return last;
    }
  }

  @Test
  void canonicalRequest_ofRandomSdkRequests_equalsSdkCanonicalRequest() throws SignatureException {
    Random rnd = new Random(42);
    RecordingSigner recorder = new RecordingSigner();
    BasicCredentials credentials = new BasicCredentials().withAk(Wire.AK).withSk(Wire.SK);
    for (int i = 0; i < 200; i++) {
      HttpRequest request = SdkSignerInteropTest.random(rnd);
      SdkWire.Received wire =
          SdkWire.sign(SdkWire.Algorithm.HMAC_SHA256, request, Wire.AK, Wire.SK);
      recorder.sign(request, credentials);
      SignedRequest signed = wire.toSigned();
      AuthorizationHeader auth = AuthorizationHeader.parse(signed.header().apply("Authorization"));
      assertThat(CanonicalRequest.build(signed, auth)).as(wire.rawUri()).isEqualTo(recorder.last);
    }
  }
}
