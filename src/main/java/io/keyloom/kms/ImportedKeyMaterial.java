package io.keyloom.kms;

import io.keyloom.crypto.GivenMaterial;
import io.keyloom.crypto.ImportToken;
import io.keyloom.crypto.KeySpec;
import io.keyloom.crypto.KeyWrapPad;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.WrappingKey;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/**
 * Unwraps the material of an import-key-material request with the import token's wrapping key and
 * checks it against the key spec, each failure with its documented code (docs/key-import.md).
 * Symmetric keys: {@code encrypted_key_material} is the key itself (AES_256 32 bytes, SM4 16 bytes,
 * {@code KMS.2604}). Asymmetric keys: it is a temporary key ({@code KMS.2610}) that unwraps {@code
 * encrypted_privatekey} (RFC 5649; AES, or SM4 for SM2 keys) to a PKCS#8 private key of the spec
 * ({@code KMS.2608} missing, {@code KMS.2609} invalid).
 */
final class ImportedKeyMaterial {
  /** Huawei's regex is {344,360} (one RSA_2048 block); an SM2 ciphertext of a key is shorter. */
  private static final Pattern WRAPPED_MATERIAL = Pattern.compile("^[0-9a-zA-Z+/=]{1,360}$");

  /** Huawei documents {200,6144}; a wrapped EC_P256 key (PKCS#8 without public key) is shorter. */
  private static final Pattern WRAPPED_PRIVATE_KEY = Pattern.compile("^[0-9a-zA-Z+/=]{1,6144}$");

  private ImportedKeyMaterial() {}

  /** The wrapped key material, decoded ({@code KMS.0204}, {@code KMS.0308}). */
  static byte[] wrappedMaterial(String value) {
    Params.required(value, "encrypted_key_material");
    if (!WRAPPED_MATERIAL.matcher(value).matches()) {
      throw KmsException.invalid("encrypted_key_material");
    }
    return Params.base64(value, "encrypted_key_material");
  }

  /** The wrapped private key, decoded, or null when absent. */
  static byte[] wrappedPrivateKey(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!WRAPPED_PRIVATE_KEY.matcher(value).matches()) {
      throw KmsException.invalid("encrypted_privatekey");
    }
    return Params.base64(value, "encrypted_privatekey");
  }

  /**
   * The checked plaintext material of a key of {@code spec}: raw key bytes or PKCS#8 DER. The
   * caller destroys it.
   */
  static SecretBytes unwrap(KeySpec spec, ImportToken token, byte[] material, byte[] privateKey) {
    if (spec.isAsymmetric() && privateKey == null) {
      throw new KmsException(ErrorCode.IMPORT_PRIVATE_KEY_MISSING);
    }
    if (spec.isSymmetric() && privateKey != null) {
      throw new KmsException(
          ErrorCode.INVALID_PARAMETER, "encrypted_privatekey is only for asymmetric keys.");
    }
    SecretBytes unwrapped = unwrapWithToken(token, material);
    if (spec.isSymmetric()) {
      return checked(spec, unwrapped, ErrorCode.IMPORT_MATERIAL_LENGTH);
    }
    try {
      return checked(spec, unwrapPrivateKey(spec, unwrapped, privateKey), null);
    } finally {
      unwrapped.destroy();
    }
  }

  private static SecretBytes unwrapWithToken(ImportToken token, byte[] material) {
    try {
      return WrappingKey.unwrap(token.algorithm(), token.wrappingKey(), material);
    } catch (GeneralSecurityException e) {
      throw new KmsException(
          ErrorCode.DECRYPTION_FAILED,
          "encrypted_key_material does not decrypt with the import token's wrapping key.");
    }
  }

  private static SecretBytes unwrapPrivateKey(KeySpec spec, SecretBytes temporary, byte[] wrapped) {
    KeyWrapPad cipher = spec.isSm2() ? KeyWrapPad.SM4 : KeyWrapPad.AES;
    if (!cipher.acceptsKeyLength(temporary.size())) {
      throw new KmsException(ErrorCode.IMPORT_TEMPORARY_KEY_LENGTH);
    }
    try {
      return cipher.unwrap(temporary, wrapped);
    } catch (GeneralSecurityException e) {
      throw new KmsException(
          ErrorCode.IMPORT_PRIVATE_KEY_INVALID,
          "encrypted_privatekey does not unwrap with the temporary key.");
    }
  }

  /** {@code material} if it is a key of {@code spec}; else destroys it and throws. */
  private static SecretBytes checked(KeySpec spec, SecretBytes material, ErrorCode symmetric) {
    try {
      GivenMaterial.check(spec, material);
      return material;
    } catch (GeneralSecurityException e) {
      material.destroy();
      if (spec.isSymmetric()) {
        throw new KmsException(symmetric);
      }
      // GivenMaterial's messages name the key's shape (type, size, curve), never its bytes.
      throw new KmsException(
          ErrorCode.IMPORT_PRIVATE_KEY_INVALID,
          "The imported private key is not a key of " + spec + ": " + e.getMessage() + ".");
    }
  }
}
