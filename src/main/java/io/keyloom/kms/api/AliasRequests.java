package io.keyloom.kms.api;

import java.util.List;

/** Requests of the alias operations, field for field as the Huawei SDK 3.1.143 models name them. */
public final class AliasRequests {
  private AliasRequests() {}

  /** {@code POST kms/aliases} ({@code CreateAliasRequestBody}). */
  public record CreateAlias(String keyId, String alias) {}

  /** {@code GET kms/aliases}: query parameters, all optional. */
  public record ListAliases(String keyId, String limit, String marker) {}

  /** {@code DELETE kms/aliases} with a JSON body ({@code DeleteAliasRequestBody}). */
  public record DeleteAlias(String keyId, List<String> aliases) {}

  /** {@code POST kms/alias/associate} ({@code AssociateAliasRequestBody}). */
  public record AssociateAlias(String alias, String targetKeyId) {}
}
