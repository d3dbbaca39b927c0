package io.keyloom.kms;

import io.keyloom.crypto.AsymmetricCmk;
import io.keyloom.crypto.CiphertextBlob;
import io.keyloom.crypto.EncryptionAlgorithm;
import io.keyloom.crypto.KeySpec;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.DataRequests;
import io.keyloom.kms.api.DataResponses;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * {@code encrypt-data} and {@code decrypt-data}.
 *
 * <p>Symmetric ciphertexts embed the key id and version (docs/ciphertext-format.md); asymmetric
 * ones are raw RSA-OAEP / SM2 output, so decrypting them needs key_id and algorithm. Every
 * decryption failure gives the same answer, whatever the cause.
 */
public final class DataService {
  private static final int MAX_PLAINTEXT = 4096;
  private static final Pattern SYMMETRIC_CIPHERTEXT = Pattern.compile("^[0-9a-zA-Z+/=]{188,5648}$");
  private static final Pattern ASYMMETRIC_CIPHERTEXT =
      Pattern.compile("^[0-9a-zA-Z+/=]{128,5648}$");
  private static final String BAD_CIPHERTEXT =
      "The ciphertext is invalid or does not match the key or associated data.";

  private final KeyCache cache;

  /** A service over the key cache. */
  public DataService(KeyCache cache) {
    this.cache = cache;
  }

  /** Encrypts up to 4096 bytes of UTF-8 plaintext. */
  public DataResponses.EncryptData encrypt(Project project, DataRequests.EncryptData r) {
    Params.sequence(r.sequence());
    LoadedKey key =
        cache.use(project, cache.keyId(project, r.keyId()), GrantOperation.ENCRYPT_DATA);
    byte[] plaintext =
        Params.required(r.plainText(), "plain_text").getBytes(StandardCharsets.UTF_8);
    if (plaintext.length > MAX_PLAINTEXT) {
      throw KmsException.invalid("plain_text");
    }
    EncryptionAlgorithm alg = algorithm(r.encryptionAlgorithm());
    requireEncryptionKey(key, alg);
    byte[] ciphertext;
    try {
      if (key.spec().isSymmetric()) {
        byte[] aad = AssociatedData.of(r.encryptionContext(), r.additionalAuthenticatedData());
        int version = key.row().currentVersion();
        ciphertext = cache.symmetric(key, version).encrypt(key.keyId(), version, plaintext, aad);
      } else {
        rejectAssociatedData(r.encryptionContext(), r.additionalAuthenticatedData());
        ciphertext = encryptAsymmetric(key, alg, plaintext);
      }
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
    return new DataResponses.EncryptData(
        key.keyId(), Base64.getEncoder().encodeToString(ciphertext));
  }

  private byte[] encryptAsymmetric(LoadedKey key, EncryptionAlgorithm alg, byte[] plaintext)
      throws GeneralSecurityException {
    AsymmetricCmk cmk = cache.asymmetric(key);
    if (plaintext.length > cmk.maxPlaintextLength(alg)) {
      throw new KmsException(ErrorCode.PLAINTEXT_TOO_LONG);
    }
    return cmk.encrypt(alg, plaintext);
  }

  /** Decrypts a ciphertext made by {@link #encrypt}. */
  public DataResponses.DecryptData decrypt(Project project, DataRequests.DecryptData r) {
    Params.sequence(r.sequence());
    String text = Params.required(r.cipherText(), "cipher_text");
    EncryptionAlgorithm alg = algorithm(r.encryptionAlgorithm());
    Decrypted d =
        alg == EncryptionAlgorithm.SYMMETRIC_DEFAULT
            ? decryptSymmetric(project, r, text)
            : decryptAsymmetric(project, r, text, alg);
    return new DataResponses.DecryptData(
        d.keyId(),
        new String(d.plaintext(), StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(d.plaintext()));
  }

  private record Decrypted(String keyId, byte[] plaintext) {}

  private Decrypted decryptSymmetric(Project project, DataRequests.DecryptData r, String text) {
    if (!SYMMETRIC_CIPHERTEXT.matcher(text).matches()) {
      throw KmsException.invalid("cipher_text");
    }
    CiphertextBlob blob = parse(text);
    if (r.keyId() != null && !Params.keyId(r.keyId()).equals(blob.keyId())) {
      throw new KmsException(ErrorCode.INVALID_PARAMETER, BAD_CIPHERTEXT);
    }
    LoadedKey key = cache.use(project, blob.keyId(), GrantOperation.DECRYPT_DATA);
    key.state().requireUsable();
    // An asymmetric or HMAC key id in the envelope: no genuine ciphertext names one.
    if (!key.spec().isSymmetric()) {
      throw new KmsException(ErrorCode.INVALID_PARAMETER, BAD_CIPHERTEXT);
    }
    byte[] aad = AssociatedData.of(r.encryptionContext(), r.additionalAuthenticatedData());
    try {
      return new Decrypted(key.keyId(), cache.symmetric(key, blob.keyVersion()).decrypt(blob, aad));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INVALID_PARAMETER, BAD_CIPHERTEXT);
    }
  }

  private Decrypted decryptAsymmetric(
      Project project, DataRequests.DecryptData r, String text, EncryptionAlgorithm alg) {
    if (!ASYMMETRIC_CIPHERTEXT.matcher(text).matches()) {
      throw KmsException.invalid("cipher_text");
    }
    LoadedKey key = cache.use(project, Params.keyId(r.keyId()), GrantOperation.DECRYPT_DATA);
    requireEncryptionKey(key, alg);
    rejectAssociatedData(r.encryptionContext(), r.additionalAuthenticatedData());
    try {
      byte[] ciphertext = Params.base64(text, "cipher_text");
      return new Decrypted(key.keyId(), cache.asymmetric(key).decrypt(alg, ciphertext));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.DECRYPTION_FAILED);
    }
  }

  private static void requireEncryptionKey(LoadedKey key, EncryptionAlgorithm alg) {
    KeySpec spec = key.refuseHmac().spec();
    if (spec.isEcdsa()) {
      throw new KmsException(ErrorCode.EC_CANNOT_ENCRYPT);
    }
    if (key.usage() != KeyUsage.ENCRYPT_DECRYPT) {
      throw new KmsException(ErrorCode.KEY_USAGE_SIGN);
    }
    key.state().requireUsable();
    if (!alg.supports(spec)) {
      throw new KmsException(
          spec.isAsymmetric()
              ? ErrorCode.ASYMMETRIC_ALGORITHM_MISMATCH
              : ErrorCode.SYMMETRIC_ALGORITHM_MISMATCH);
    }
  }

  private static void rejectAssociatedData(Object context, String aad) {
    if (AssociatedData.present(context, aad)) {
      throw new KmsException(
          ErrorCode.INVALID_PARAMETER,
          "encryption_context and additional_authenticated_data need a symmetric key.");
    }
  }

  private static EncryptionAlgorithm algorithm(String wire) {
    return wire == null
        ? EncryptionAlgorithm.SYMMETRIC_DEFAULT
        : EncryptionAlgorithm.parse(wire)
            .orElseThrow(() -> KmsException.invalid("encryption_algorithm"));
  }

  private static CiphertextBlob parse(String text) {
    try {
      return CiphertextBlob.parse(Params.base64(text, "cipher_text"));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INVALID_PARAMETER, BAD_CIPHERTEXT);
    }
  }
}
