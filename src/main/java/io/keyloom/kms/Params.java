package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Checks of request fields shared by several operations, each failing with its own code. */
final class Params {
  /** The largest page of every list operation. */
  static final int MAX_PAGE = 1000;

  private static final Pattern KEY_ID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern SEQUENCE = Pattern.compile("^[0-9a-zA-Z-]{36}$");
  private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,9}$");
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

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

  /**
   * A decimal string in {@code [min, max]} (digits only, no sign or spaces), else {@code error}.
   */
  static int decimal(String value, int min, int max, ErrorCode error) {
    if (value == null || !DECIMAL.matcher(value).matches()) {
      throw new KmsException(error);
    }
    int n = Integer.parseInt(value);
    if (n < min || n > max) {
      throw new KmsException(error);
    }
    return n;
  }

  /**
   * A page size of 1–1000 given as a decimal string ({@code KMS.1601}); null or empty means {@code
   * absent}.
   */
  static int pageLimit(String value, int absent) {
    return value == null || value.isEmpty()
        ? absent
        : decimal(value, 1, MAX_PAGE, ErrorCode.INVALID_LIMIT);
  }

  /**
   * A page start (marker or offset) given as a non-negative decimal string, else {@code error};
   * null or empty means 0.
   */
  static int pageStart(String value, ErrorCode error) {
    return value == null || value.isEmpty() ? 0 : decimal(value, 0, Integer.MAX_VALUE, error);
  }

  /**
   * A bit count of 8..8192 given as a decimal string, returned in bytes: out of range or not a
   * number gives {@code range}, not a multiple of 8 gives {@code multiple}.
   */
  static int bitsAsBytes(String value, ErrorCode range, ErrorCode multiple) {
    int bits = decimal(value, 8, 8192, range);
    if (bits % 8 != 0) {
      throw new KmsException(multiple);
    }
    return bits / 8;
  }

  /** Decodes hex (either case, even length), else {@code error}. */
  static byte[] hex(String value, ErrorCode error) {
    try {
      return HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException e) {
      throw new KmsException(error);
    }
  }

  /** Decodes hex (either case, even length), else {@code KMS.0308 Invalid <name>.}. */
  static byte[] hexOrInvalid(String value, String name) {
    try {
      return HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException e) {
      throw KmsException.invalid(name);
    }
  }

  /** Upper-case hex, as Huawei's examples print data keys and their ciphertexts. */
  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
