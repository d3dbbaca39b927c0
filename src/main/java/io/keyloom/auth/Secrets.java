package io.keyloom.auth;

import java.security.SecureRandom;

/** Random access keys, secret keys and passwords in the shapes Huawei IAM uses. */
final class Secrets {
  private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  // No look-alikes (0/O, 1/l/I): passwords are read and typed by people.
  private static final String READABLE =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private Secrets() {}

  /** A 20-character access key id (AK), upper case and digits. */
  static String accessKey(SecureRandom random) {
    return of(random, 20, UPPER_DIGITS);
  }

  /** A 40-character secret access key (SK), about 238 bits. */
  static String secretKey(SecureRandom random) {
    return of(random, 40, ALPHANUMERIC);
  }

  /** A 20-character password, about 115 bits. */
  static String password(SecureRandom random) {
    return of(random, 20, READABLE);
  }

  private static String of(SecureRandom random, int length, String alphabet) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
