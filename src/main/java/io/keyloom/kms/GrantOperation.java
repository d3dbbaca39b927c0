package io.keyloom.kms;

import io.keyloom.error.KmsException;
import java.util.Arrays;

/**
 * The operations a grant can allow (docs/grants.md), by Huawei's names, in the canonical order in
 * which a grant stores and lists them.
 */
public enum GrantOperation {
  CREATE_DATAKEY("create-datakey"),
  CREATE_DATAKEY_WITHOUT_PLAINTEXT("create-datakey-without-plaintext"),
  ENCRYPT_DATAKEY("encrypt-datakey"),
  DECRYPT_DATAKEY("decrypt-datakey"),
  DESCRIBE_KEY("describe-key"),
  CREATE_GRANT("create-grant"),
  RETIRE_GRANT("retire-grant"),
  ENCRYPT_DATA("encrypt-data"),
  DECRYPT_DATA("decrypt-data");

  private final String wire;

  GrantOperation(String wire) {
    this.wire = wire;
  }

  /** Huawei's name of the operation. */
  public String wire() {
    return wire;
  }

  /** The operation of this name, else {@code KMS.0308 Invalid operations.}. */
  static GrantOperation fromWire(String name) {
    return Arrays.stream(values())
        .filter(op -> op.wire.equals(name))
        .findFirst()
        .orElseThrow(() -> KmsException.invalid("operations"));
  }
}
