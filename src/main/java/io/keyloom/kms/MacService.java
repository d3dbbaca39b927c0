package io.keyloom.kms;

import io.keyloom.crypto.MacAlgorithm;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.MacRequests;
import io.keyloom.kms.api.MacResponses;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code generate-mac} and {@code verify-mac}: RFC 2104 HMAC under an HMAC key (docs/hmac-keys.md).
 *
 * <p>Both operations apply the same checks in the same order: key id, algorithm, message (Base64 of
 * 1–4096 bytes), the key (found, HMAC, usable), then the algorithm against the key's spec. A MAC
 * that does not verify (wrong, tampered, another length) is a {@code 200} with {@code mac_valid:
 * false}, never an error; only a {@code mac} that is not hex at all is refused.
 */
public final class MacService {
  private static final int MAX_MESSAGE = 4096;
  private static final HexFormat HEX = HexFormat.of();
  private final KeyCache cache;

  /** A service over the key cache. */
  public MacService(KeyCache cache) {
    this.cache = cache;
  }

  /** The HMAC of a message, as lowercase hex. */
  public MacResponses.GenerateMac generate(Project project, MacRequests.GenerateMac r) {
    Macable m = macable(project, r.keyId(), r.macAlgorithm(), r.message());
    try {
      byte[] mac = cache.hmac(m.key()).mac(m.message());
      return new MacResponses.GenerateMac(m.key().keyId(), m.alg().name(), HEX.formatHex(mac));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  /** Whether {@code mac} is the HMAC of the message under the key. */
  public MacResponses.VerifyMac verify(Project project, MacRequests.VerifyMac r) {
    Params.keyId(r.keyId());
    byte[] tag = Params.hexOrInvalid(Params.required(r.mac(), "mac"), "mac");
    Macable m = macable(project, r.keyId(), r.macAlgorithm(), r.message());
    try {
      boolean valid = cache.hmac(m.key()).verify(m.message(), tag);
      return new MacResponses.VerifyMac(m.key().keyId(), m.alg().name(), valid);
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  private record Macable(LoadedKey key, MacAlgorithm alg, byte[] message) {}

  /** The checks generate and verify share, each with its documented code, in one order. */
  private Macable macable(
      Project project, String keyIdField, String algField, String messageField) {
    String keyId = Params.keyId(keyIdField);
    MacAlgorithm alg =
        MacAlgorithm.parse(Params.required(algField, "mac_algorithm"))
            .orElseThrow(() -> KmsException.invalid("mac_algorithm"));
    byte[] message = Params.base64(Params.required(messageField, "message"), "message");
    if (message.length == 0 || message.length > MAX_MESSAGE) {
      throw KmsException.invalid("message");
    }
    LoadedKey key = cache.get(project.id(), keyId);
    requireMacKey(key, alg);
    return new Macable(key, alg, message);
  }

  /**
   * An HMAC key ({@code KMS.0331} for a symmetric key, {@code KMS.0325} for an asymmetric one),
   * usable ({@code KMS.0209} / {@code KMS.0210}), whose spec computes {@code alg} ({@code
   * KMS.0308}).
   */
  private static void requireMacKey(LoadedKey key, MacAlgorithm alg) {
    switch (key.spec().kind()) {
      case SYMMETRIC -> throw new KmsException(ErrorCode.SYMMETRIC_NOT_SUPPORTED);
      case ASYMMETRIC -> throw new KmsException(ErrorCode.ASYMMETRIC_NOT_SUPPORTED);
      case HMAC -> key.state().requireUsable();
    }
    if (!alg.supports(key.spec())) {
      throw new KmsException(
          ErrorCode.INVALID_PARAMETER,
          "mac_algorithm " + alg + " does not suit a " + key.spec() + " key.");
    }
  }
}
