package io.keyloom.kms;

import java.util.Optional;

/**
 * The {@code key_spec} values of create-datakey (Huawei SDK 3.1.143 knows AES_256 and AES_128; the
 * API reference adds SM4 and the HMAC specs) and the data key length in bytes each one means.
 */
enum DataKeySpec {
  AES_256(32),
  AES_128(16),
  SM4(16),
  HMAC_256(32),
  HMAC_384(48),
  HMAC_512(64),
  HMAC_SM3(32);

  private final int bytes;

  DataKeySpec(int bytes) {
    this.bytes = bytes;
  }

  int bytes() {
    return bytes;
  }

  static Optional<DataKeySpec> parse(String wireName) {
    for (DataKeySpec s : values()) {
      if (s.name().equals(wireName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
