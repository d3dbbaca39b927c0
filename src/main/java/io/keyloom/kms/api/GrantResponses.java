package io.keyloom.kms.api;

import java.util.List;

/** Responses of the grant operations (SDK 3.1.143 {@code Grants} and the list responses). */
public final class GrantResponses {
  private GrantResponses() {}

  /** {@code create-grant}: the new grant's id, 64 hex digits. */
  public record CreateGrant(String grantId) {}

  /**
   * One grant; {@code creation_date} is epoch milliseconds as a string, {@code name} and {@code
   * retiring_principal} are omitted when the grant has none.
   */
  public record Grant(
      String keyId,
      String grantId,
      String granteePrincipal,
      String granteePrincipalType,
      List<String> operations,
      String issuingPrincipal,
      String creationDate,
      String name,
      String retiringPrincipal) {}

  /**
   * {@code list-grants} and {@code list-retirable-grants}: {@code truncated} is the string {@code
   * "true"} or {@code "false"}, {@code total} a JSON number, {@code next_marker} empty on the last
   * page.
   */
  public record GrantList(List<Grant> grants, String nextMarker, String truncated, int total) {}
}
