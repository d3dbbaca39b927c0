package io.keyloom.store;

import java.util.List;

/**
 * One grant (docs/grants.md): a user or an account allowed to use one key for some operations.
 *
 * @param grantId 64 lowercase hex digits
 * @param keyId the key it grants use of
 * @param name the grant's name, empty when none was given
 * @param granteePrincipal a user id or an account (domain) id
 * @param granteeType {@code user} or {@code domain}
 * @param operations Huawei's operation names, e.g. {@code encrypt-data}
 * @param issuingPrincipal the user who created the grant
 * @param retiringPrincipal the user or account that may retire it, empty when none
 * @param creationDate epoch milliseconds
 */
public record GrantRow(
    String grantId,
    String keyId,
    String name,
    String granteePrincipal,
    String granteeType,
    List<String> operations,
    String issuingPrincipal,
    String retiringPrincipal,
    long creationDate) {
  /** Copies the operations, so that a row never changes. */
  public GrantRow {
    operations = List.copyOf(operations);
  }
}
