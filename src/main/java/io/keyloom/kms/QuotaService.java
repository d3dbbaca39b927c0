package io.keyloom.kms;

import io.keyloom.kms.api.QuotaResponses;
import io.keyloom.store.GrantStore;
import io.keyloom.store.KeyRepository;
import java.util.List;

/**
 * {@code user-instances} and {@code user-quotas}: how many keys a project holds against its quota
 * (docs/quotas.md). The quota itself is enforced by {@link KeyService#create}.
 */
public final class QuotaService {
  private final KeyRepository repository;
  private final GrantStore grants;
  private final int keyQuota;

  /** A service reporting usage against {@code keyQuota} keys per project. */
  public QuotaService(KeyRepository repository, GrantStore grants, int keyQuota) {
    this.repository = repository;
    this.grants = grants;
    this.keyQuota = keyQuota;
  }

  /** The number of the project's keys that are not service default keys. */
  public QuotaResponses.UserInstances instances(Project project) {
    return new QuotaResponses.UserInstances(repository.countKeys(project.id()));
  }

  /**
   * The project's key quota and the grants-per-key quota, each with its usage: for {@code
   * grant_per_CMK}, the most grants any one key of the project has (docs/grants.md).
   */
  public QuotaResponses.UserQuotas quotas(Project project) {
    return new QuotaResponses.UserQuotas(
        new QuotaResponses.Quotas(
            List.of(
                new QuotaResponses.QuotaResource(
                    "CMK", repository.countKeys(project.id()), keyQuota),
                new QuotaResponses.QuotaResource(
                    "grant_per_CMK",
                    grants.mostOnOneKey(project.id()),
                    GrantService.GRANTS_PER_KEY))));
  }
}
