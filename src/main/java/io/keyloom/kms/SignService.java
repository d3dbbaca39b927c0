package io.keyloom.kms;

import io.keyloom.crypto.SigningAlgorithm;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.SignRequests;
import io.keyloom.kms.api.SignResponses;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * {@code sign} and {@code verify}: digest (default) or raw messages under an asymmetric SIGN_VERIFY
 * key.
 *
 * <p>A DIGEST message must have the hash's length ({@code KMS.0329}). SM2 signs digests only: the
 * digest is SM3(Z_A ‖ M) per GB/T 32918, computed by the caller. Both operations apply the same
 * rules in the same order; a signature that does not verify (wrong, tampered, malformed) is a
 * {@code 200} with {@code signature_valid: "false"}, never an error.
 */
public final class SignService {
  private static final int MAX_MESSAGE = 4095;
  private final KeyCache cache;

  /** A service over the key cache. */
  public SignService(KeyCache cache) {
    this.cache = cache;
  }

  /** Signs a message or digest. */
  public SignResponses.Sign sign(Project project, SignRequests.Sign r) {
    Params.sequence(r.sequence());
    Signable s = signable(project, r.keyId(), r.message(), r.signingAlgorithm(), r.messageType());
    try {
      byte[] signature = cache.asymmetric(s.key()).sign(s.alg(), s.message(), s.digest());
      return new SignResponses.Sign(s.key().keyId(), Base64.getEncoder().encodeToString(signature));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  /** Verifies a signature over a message or digest with the key's public key. */
  public SignResponses.Verify verify(Project project, SignRequests.Verify r) {
    Params.sequence(r.sequence());
    cache.keyId(project, r.keyId());
    byte[] signature = Params.base64(Params.required(r.signature(), "signature"), "signature");
    Signable s = signable(project, r.keyId(), r.message(), r.signingAlgorithm(), r.messageType());
    try {
      boolean valid = cache.asymmetric(s.key()).verify(s.alg(), s.message(), s.digest(), signature);
      return new SignResponses.Verify(s.key().keyId(), Boolean.toString(valid));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  private record Signable(LoadedKey key, SigningAlgorithm alg, byte[] message, boolean digest) {}

  /** The checks sign and verify share, each with its documented code, in one order. */
  private Signable signable(
      Project project, String keyIdField, String messageField, String algField, String type) {
    String keyId = cache.keyId(project, keyIdField);
    byte[] message = Params.base64(Params.required(messageField, "message"), "message");
    SigningAlgorithm alg =
        SigningAlgorithm.parse(Params.required(algField, "signing_algorithm"))
            .orElseThrow(() -> KmsException.invalid("signing_algorithm"));
    boolean digest = isDigest(type);
    if (message.length == 0 || message.length > MAX_MESSAGE) {
      throw KmsException.invalid("message");
    }
    LoadedKey key = cache.get(project.id(), keyId);
    requireSigningKey(key, alg);
    if (digest && message.length != alg.digestLength()) {
      throw new KmsException(ErrorCode.DIGEST_LENGTH_MISMATCH);
    }
    if (!digest && alg == SigningAlgorithm.SM2DSA_SM3) {
      throw new KmsException(
          ErrorCode.INVALID_PARAMETER, "SM2DSA_SM3 signs digests only: use message_type DIGEST.");
    }
    return new Signable(key, alg, message, digest);
  }

  private static boolean isDigest(String messageType) {
    if (messageType == null || "DIGEST".equals(messageType)) {
      return true;
    }
    if ("RAW".equals(messageType)) {
      return false;
    }
    throw KmsException.invalid("message_type");
  }

  private static void requireSigningKey(LoadedKey key, SigningAlgorithm alg) {
    if (key.refuseHmac().spec().isSymmetric()) {
      throw new KmsException(ErrorCode.SYMMETRIC_CANNOT_SIGN);
    }
    if (key.usage() != KeyUsage.SIGN_VERIFY) {
      throw new KmsException(ErrorCode.KEY_USAGE_ENCRYPT);
    }
    key.state().requireUsable();
    if (!alg.supports(key.spec())) {
      throw new KmsException(ErrorCode.SIGNING_ALGORITHM_NOT_SUPPORTED);
    }
  }
}
