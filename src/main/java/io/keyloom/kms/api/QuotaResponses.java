package io.keyloom.kms.api;

import java.util.List;

/** Response bodies of user-instances and user-quotas; null fields are omitted on the wire. */
public final class QuotaResponses {
  private QuotaResponses() {}

  /** {@code user-instances}: the number of the project's non-default keys. */
  public record UserInstances(int instanceNum) {}

  /** {@code user-quotas}. */
  public record UserQuotas(Quotas quotas) {}

  /** The quota list. */
  public record Quotas(List<QuotaResource> resources) {}

  /** One quota: {@code CMK} or {@code grant_per_CMK}, with used and total as JSON numbers. */
  public record QuotaResource(String type, int used, int quota) {}
}
