package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Checks of request fields shared by several operations, each failing with its own code. */
final class Params {
  private static final Pattern KEY_ID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern SEQUENCE = Pattern.compile("^[0-9a-zA-Z-]{36}$");

  private Params() {}

  /** A required, well-formed key id ({@code KMS.0204}, {@code KMS.0205}). */
  static String keyId(String keyId) {
    String value = required(keyId, "key_id");
    if (!KEY_ID.matcher(value).matches()) {
      throw new KmsException(ErrorCode.INVALID_KEY_ID);
    }
    return value;
  }

  /** An optional 36-character request serial number ({@code KMS.0206}). */
  static void sequence(String sequence) {
    if (sequence != null && !SEQUENCE.matcher(sequence).matches()) {
      throw new KmsException(ErrorCode.INVALID_SEQUENCE);
    }
  }

  /** A required field ({@code KMS.0204}). */
  static String required(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw KmsException.missing(name);
    }
    return value;
  }

  /** Decodes standard Base64 ({@code KMS.0308 Invalid <name>.}). */
  static byte[] base64(String value, String name) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw KmsException.invalid(name);
    }
  }
}
