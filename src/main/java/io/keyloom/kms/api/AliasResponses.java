package io.keyloom.kms.api;

import java.util.List;

/**
 * Responses of the alias operations (SDK 3.1.143 {@code AliasEntity}, {@code
 * ListAliasResponseBody}).
 */
public final class AliasResponses {
  private AliasResponses() {}

  /** One alias; times are ISO-8601 UTC, to the second. */
  public record AliasEntity(
      String domainId,
      String keyId,
      String alias,
      String aliasUrn,
      String createTime,
      String updateTime) {}

  /**
   * One page of list-aliases; the response is a JSON array of one page, the shape the SDK reads
   * (docs/aliases.md).
   */
  public record Page(List<AliasEntity> aliases, PageInfo pageInfo) {}

  /** {@code next_marker} is empty on the last page. */
  public record PageInfo(String nextMarker, int currentCount) {}
}
