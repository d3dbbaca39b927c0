package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.GrantRequests;
import io.keyloom.store.GrantRow;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules of the grant operations (docs/grants.md), each failing with its own code. */
final class GrantRules {
  private static final Pattern PRINCIPAL = Pattern.compile("^[a-zA-Z0-9]{1,64}$");
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9:/_-]{1,255}$");
  private static final Pattern GRANT_ID = Pattern.compile("^[A-Fa-f0-9]{64}$");

  private GrantRules() {}

  /**
   * A valid create-grant request's fields.
   *
   * @param operations the distinct operations, in canonical order
   */
  record NewGrant(
      String grantee,
      String granteeType,
      Set<GrantOperation> operations,
      String name,
      String retiring) {
    List<String> operationNames() {
      return operations.stream().map(GrantOperation::wire).toList();
    }
  }

  /** Checks every field of a create-grant request but the key. */
  static NewGrant validate(GrantRequests.CreateGrant r) {
    Params.sequence(r.sequence());
    String grantee = principal(Params.required(r.granteePrincipal(), "grantee_principal"));
    String type = granteeType(r.granteePrincipalType());
    Set<GrantOperation> operations = operations(r.operations());
    String name = r.name() == null || r.name().isEmpty() ? "" : name(r.name());
    String retiring =
        r.retiringPrincipal() == null || r.retiringPrincipal().isEmpty()
            ? ""
            : principal(r.retiringPrincipal());
    return new NewGrant(grantee, type, operations, name, retiring);
  }

  /** A grant id: 64 hex digits, else {@code KMS.2501}, like a grant that does not exist. */
  static String grantId(String grantId) {
    String value = Params.required(grantId, "grant_id");
    if (!GRANT_ID.matcher(value).matches()) {
      throw new KmsException(ErrorCode.GRANT_NOT_FOUND);
    }
    return value.toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the requester may retire the grant: its creator, retiring principal, or grantee. */
  static boolean mayRetire(GrantRow grant, Requester requester) {
    String retiring = grant.retiringPrincipal();
    boolean isRetiring =
        !retiring.isEmpty()
            && (retiring.equals(requester.userId()) || retiring.equals(requester.domainId()));
    return isRetiring
        || grant.issuingPrincipal().equals(requester.userId())
        || GrantCache.isGrantee(grant, requester)
            && grant.operations().contains(GrantOperation.RETIRE_GRANT.wire());
  }

  private static String principal(String value) {
    if (!PRINCIPAL.matcher(value).matches()) {
      throw new KmsException(ErrorCode.INVALID_GRANT_PRINCIPAL);
    }
    return value;
  }

  private static String granteeType(String value) {
    if (value == null || value.isEmpty() || value.equals("user")) {
      return "user";
    }
    if (value.equals("domain")) {
      return "domain";
    }
    throw KmsException.invalid("grantee_principal_type");
  }

  private static Set<GrantOperation> operations(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw KmsException.missing("operations");
    }
    Set<GrantOperation> operations = EnumSet.noneOf(GrantOperation.class);
    for (String name : names) {
      operations.add(GrantOperation.fromWire(name));
    }
    if (operations.equals(EnumSet.of(GrantOperation.CREATE_GRANT))) {
      throw new KmsException(ErrorCode.GRANT_ONLY_CREATE_GRANT);
    }
    return operations;
  }

  private static String name(String value) {
    if (!NAME.matcher(value).matches()) {
      throw KmsException.invalid("name");
    }
    return value;
  }
}
