package io.keyloom.kms.api;

import java.util.List;

/** Requests of the grant operations, field for field as the Huawei SDK 3.1.143 models name them. */
public final class GrantRequests {
  private GrantRequests() {}

  /** {@code create-grant} ({@code CreateGrantRequestBody}). */
  public record CreateGrant(
      String keyId,
      String granteePrincipal,
      List<String> operations,
      String name,
      String retiringPrincipal,
      String granteePrincipalType,
      String sequence) {}

  /** {@code list-grants} ({@code ListGrantsRequestBody}); limit and marker are strings. */
  public record ListGrants(String keyId, String limit, String marker, String sequence) {}

  /** {@code list-retirable-grants} ({@code ListRetirableGrantsRequestBody}). */
  public record ListRetirableGrants(String limit, String marker, String sequence) {}

  /** {@code revoke-grant} and {@code retire-grant} ({@code RevokeGrantRequestBody}). */
  public record GrantId(String keyId, String grantId, String sequence) {}
}
