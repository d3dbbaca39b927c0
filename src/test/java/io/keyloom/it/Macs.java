package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.GenerateMacRequest;
import com.huaweicloud.sdk.kms.v2.model.GenerateMacRequestBody;
import com.huaweicloud.sdk.kms.v2.model.GenerateMacResponse;
import com.huaweicloud.sdk.kms.v2.model.VerifyMacRequest;
import com.huaweicloud.sdk.kms.v2.model.VerifyMacRequestBody;
import com.huaweicloud.sdk.kms.v2.model.VerifyMacResponse;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * generate-mac and verify-mac through the SDK, and the expected HMAC computed with the JDK's {@link
 * Mac} and Bouncy Castle's {@link HMac} only (never Keyloom's classes).
 */
final class Macs {
  /** Each HMAC key spec's one MAC algorithm. */
  static final Map<String, String> ALGORITHM =
      Map.of(
          "HMAC_256", "HMAC_SHA_256",
          "HMAC_384", "HMAC_SHA_384",
          "HMAC_512", "HMAC_SHA_512",
          "HMAC_SM3", "HMAC_SM3");

  /** Each HMAC key spec's key (and MAC) length in bytes. */
  static final Map<String, Integer> LENGTH =
      Map.of("HMAC_256", 32, "HMAC_384", 48, "HMAC_512", 64, "HMAC_SM3", 32);

  private Macs() {}

  static GenerateMacResponse generate(KmsClient kms, String keyId, String alg, byte[] message) {
    return kms.generateMac(
        new GenerateMacRequest()
            .withBody(
                new GenerateMacRequestBody()
                    .withKeyId(keyId)
                    .withMacAlgorithm(GenerateMacRequestBody.MacAlgorithmEnum.fromValue(alg))
                    .withMessage(Base64.getEncoder().encodeToString(message))));
  }

  static VerifyMacResponse verify(
      KmsClient kms, String keyId, String alg, byte[] message, String mac) {
    return kms.verifyMac(
        new VerifyMacRequest()
            .withBody(
                new VerifyMacRequestBody()
                    .withKeyId(keyId)
                    .withMacAlgorithm(VerifyMacRequestBody.MacAlgorithmEnum.fromValue(alg))
                    .withMessage(Base64.getEncoder().encodeToString(message))
                    .withMac(mac)));
  }

  /** The HMAC of {@code message} under {@code key} for an HMAC key spec's algorithm. */
  static byte[] expected(String spec, byte[] key, byte[] message) throws GeneralSecurityException {
    if (spec.equals("HMAC_SM3")) {
      HMac mac = new HMac(new SM3Digest());
      mac.init(new KeyParameter(key));
      mac.update(message, 0, message.length);
      byte[] out = new byte[mac.getMacSize()];
      mac.doFinal(out, 0);
      return out;
    }
    String name = "HmacSHA" + spec.substring("HMAC_".length());
    Mac mac = Mac.getInstance(name);
    mac.init(new SecretKeySpec(key, name));
    return mac.doFinal(message);
  }
}
