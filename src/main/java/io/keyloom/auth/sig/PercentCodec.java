package io.keyloom.auth.sig;

import io.keyloom.auth.sig.SignatureException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Strict RFC 3986 percent-decoding and the SDK's canonical re-encoding.
 *
 * <p>Decoding keeps {@code +} literal (it is not form encoding) and refuses any {@code %} that is
 * not followed by two hex digits. Encoding leaves only the unreserved set {@code A-Z a-z 0-9 - _ .
 * ~} and writes every other byte as {@code %XX} with upper-case hex, which is what the SDK's {@code
 * SignUtils.urlEncode} produces. Decoding then encoding works on bytes, so escapes that are not
 * valid UTF-8 survive unchanged instead of failing.
 */
final class PercentCodec {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /** Decodes {@code raw} and re-encodes it in canonical form; throws MALFORMED on a bad escape. */
  static String canonicalize(String raw) throws SignatureException {
    return encode(decode(raw));
  }

  /** Percent-decodes {@code raw} to bytes; characters outside ASCII are taken as UTF-8. */
  static byte[] decode(String raw) throws SignatureException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? hexValue(raw.charAt(i + 1)) : -1;
        int lo = hi >= 0 ? hexValue(raw.charAt(i + 2)) : -1;
        if (lo < 0) {
          throw new SignatureException(Reason.MALFORMED, "malformed percent-escape in request");
        }
        out.write(hi << 4 | lo);
        i += 3;
      } else {
        int end = i + 1;
        while (end < raw.length() && raw.charAt(end) != '%') {
          end++;
        }
        out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return out.toByteArray();
  }

  /** Encodes {@code bytes} with the RFC 3986 unreserved set and upper-case hex. */
  static String encode(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int v = b & 0xff;
      if (isUnreserved(v)) {
        sb.append((char) v);
      } else {
        sb.append('%').append(HEX[v >>> 4]).append(HEX[v & 0x0f]);
      }
    }
    return sb.toString();
  }

  /** ASCII hex digits only: {@code Character.digit} would also accept non-ASCII digits. */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
