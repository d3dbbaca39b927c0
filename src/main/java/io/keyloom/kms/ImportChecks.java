package io.keyloom.kms;

import io.keyloom.crypto.EncryptionAlgorithm;
import io.keyloom.crypto.ImportToken;
import io.keyloom.crypto.ImportTokens;
import io.keyloom.crypto.WrappingKey;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.store.ImportedMaterial;
import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/** The checks of BYOK import requests and keys, each failing with its documented code. */
final class ImportChecks {
  /** Import: pending import → enabled. */
  static final ImportedMaterial.States IMPORTING =
      new ImportedMaterial.States(KeyState.PENDING_IMPORT.wire(), KeyState.ENABLED.wire());

  /** Deletion and expiry: enabled (or disabled) → pending import. */
  static final ImportedMaterial.States DELETING =
      new ImportedMaterial.States(KeyState.ENABLED.wire(), KeyState.PENDING_IMPORT.wire());

  private static final Pattern TOKEN = Pattern.compile("^[0-9a-zA-Z+/=]{200,6144}$");

  private ImportChecks() {}

  /** A wrapping algorithm: RSAES_OAEP_SHA_256, RSAES_OAEP_SHA_1 or SM2_ENCRYPT. */
  static EncryptionAlgorithm wrappingAlgorithm(String value) {
    Params.required(value, "wrapping_algorithm");
    return EncryptionAlgorithm.parse(value)
        .filter(WrappingKey::canWrap)
        .orElseThrow(() -> KmsException.invalid("wrapping_algorithm"));
  }

  /** The key was created with origin external ({@code KMS.0309}). */
  static void requireExternal(LoadedKey key) {
    if (!"external".equals(key.row().origin())) {
      throw new KmsException(ErrorCode.KEY_NOT_EXTERNAL);
    }
  }

  /** An external key ({@code KMS.0309}) pending import ({@code KMS.0310}). */
  static void requirePendingImport(LoadedKey key) {
    requireExternal(key);
    if (key.state() != KeyState.PENDING_IMPORT) {
      throw new KmsException(ErrorCode.KEY_NOT_PENDING_IMPORT);
    }
  }

  /** The token's bytes: Base64 of 200–6144 characters ({@code KMS.0204}, {@code KMS.0308}). */
  static byte[] tokenBytes(String value) {
    Params.required(value, "import_token");
    if (!TOKEN.matcher(value).matches()) {
      throw KmsException.invalid("import_token");
    }
    return Params.base64(value, "import_token");
  }

  /**
   * The material expiry in epoch ms, null when absent; it must be in the future ({@code KMS.2602}).
   */
  static Long expiration(Long seconds, long nowMillis) {
    if (seconds == null) {
      return null;
    }
    if (seconds <= nowMillis / 1000 || seconds > Long.MAX_VALUE / 1000) {
      throw new KmsException(ErrorCode.MATERIAL_EXPIRATION_PAST);
    }
    return seconds * 1000;
  }

  /**
   * Opens a token ({@code KMS.2605}) issued for {@code keyId} ({@code KMS.2603}) that has not
   * expired ({@code KMS.2601}).
   */
  static ImportToken open(ImportTokens tokens, byte[] token, String keyId, long nowMillis) {
    ImportToken opened;
    try {
      opened = tokens.open(token);
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.IMPORT_TOKEN_INVALID);
    }
    if (!opened.keyId().equals(keyId)) {
      opened.wrappingKey().destroy();
      throw new KmsException(ErrorCode.IMPORT_TOKEN_OTHER_KEY);
    }
    if (opened.expiresAtMillis() <= nowMillis) {
      opened.wrappingKey().destroy();
      throw new KmsException(ErrorCode.IMPORT_TOKEN_EXPIRED);
    }
    return opened;
  }
}
