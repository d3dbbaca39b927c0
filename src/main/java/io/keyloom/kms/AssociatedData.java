package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns {@code encryption_context} (seed/doc field, a JSON object) and {@code
 * additional_authenticated_data} (SDK field, a string) into the bytes bound to a ciphertext.
 *
 * <p>The context is canonical: keys sorted, so key order does not matter. Both parts are
 * length-prefixed, so no two different (context, aad) pairs give the same bytes.
 */
final class AssociatedData {
  static final int MAX_CONTEXT_CHARS = 8192;
  static final int MAX_AAD_BYTES = 128;

  private static final byte[] DATA_KEY_DOMAIN = "datakey".getBytes(StandardCharsets.US_ASCII);

  private AssociatedData() {}

  /**
   * The associated data of data-key ciphertexts (create/encrypt/decrypt-datakey): "datakey" ‖
   * {@link #of}. Every output of {@link #of} starts with a zero byte (its first field is a context
   * length below 2^24), so the two domains never overlap: a data-key ciphertext does not open
   * through decrypt-data, nor an encrypt-data ciphertext through decrypt-datakey.
   */
  static byte[] forDataKey(Object encryptionContext, String additionalAuthenticatedData) {
    byte[] data = of(encryptionContext, additionalAuthenticatedData);
    return ByteBuffer.allocate(DATA_KEY_DOMAIN.length + data.length)
        .put(DATA_KEY_DOMAIN)
        .put(data)
        .array();
  }

  static byte[] of(Object encryptionContext, String additionalAuthenticatedData) {
    byte[] context = canonicalContext(encryptionContext);
    byte[] aad = aad(additionalAuthenticatedData);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 + context.length + aad.length);
    out.writeBytes(ByteBuffer.allocate(4).putInt(context.length).array());
    out.writeBytes(context);
    out.writeBytes(ByteBuffer.allocate(4).putInt(aad.length).array());
    out.writeBytes(aad);
    return out.toByteArray();
  }

  /** Whether the request carries any associated data at all. */
  static boolean present(Object encryptionContext, String additionalAuthenticatedData) {
    return encryptionContext != null
        || (additionalAuthenticatedData != null && !additionalAuthenticatedData.isEmpty());
  }

  private static byte[] canonicalContext(Object context) {
    if (context == null) {
      return new byte[0];
    }
    if (!(context instanceof Map<?, ?> map)) {
      throw new KmsException(ErrorCode.INVALID_ENCRYPTION_CONTEXT);
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String value)) {
        throw new KmsException(
            ErrorCode.INVALID_ENCRYPTION_CONTEXT, "encryption_context values must be strings.");
      }
      sorted.put((String) e.getKey(), value);
    }
    StringBuilder sb = new StringBuilder();
    int jsonLength = 2; // the length of {"k":"v",...} as a client would write it
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      appendLengthPrefixed(sb, e.getKey());
      appendLengthPrefixed(sb, e.getValue());
      jsonLength += e.getKey().length() + e.getValue().length() + 6;
    }
    if (jsonLength > MAX_CONTEXT_CHARS) {
      throw new KmsException(
          ErrorCode.INVALID_ENCRYPTION_CONTEXT, "encryption_context is longer than 8192.");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendLengthPrefixed(StringBuilder sb, String s) {
    sb.append(s.length()).append(':').append(s);
  }

  private static byte[] aad(String aad) {
    if (aad == null) {
      return new byte[0];
    }
    byte[] bytes = aad.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_AAD_BYTES) {
      throw KmsException.invalid("additional_authenticated_data");
    }
    return bytes;
  }
}
