package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.GrantRequests;
import io.keyloom.kms.api.GrantResponses;
import io.keyloom.store.GrantRow;
import io.keyloom.store.GrantStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Grants (docs/grants.md): a key's project lets a user or an account, of the same or another
 * account, use the key for some operations. Enforced by {@link KeyCache#use}; every change counts
 * on this node at once and on others within the key cache's bound.
 */
public final class GrantService {
  /** Huawei's limit: at most 100 grants per key ({@code KMS.2404}, quota {@code grant_per_CMK}). */
  static final int GRANTS_PER_KEY = 100;

  private static final int DEFAULT_LIMIT = 100;
  private final GrantStore store;
  private final KeyCache cache;
  private final Clock clock;
  private final SecureRandom random;

  /** Grants over the store, invalidating {@code cache}'s grants. */
  public GrantService(GrantStore store, KeyCache cache, Clock clock, SecureRandom random) {
    this.store = store;
    this.cache = cache;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Grants use of a key: by its project, or by a grantee holding {@code create-grant} on it, who
   * can pass on no operation it does not hold itself.
   */
  public GrantResponses.CreateGrant create(Project project, GrantRequests.CreateGrant r) {
    GrantRules.NewGrant grant = GrantRules.validate(r);
    String keyId = Params.keyId(r.keyId());
    LoadedKey key = cache.use(project, keyId, GrantOperation.CREATE_GRANT);
    if (key.row().defaultKey()) {
      throw new KmsException(ErrorCode.DEFAULT_KEY);
    }
    key.state().requireUsable();
    if (!key.row().projectId().equals(project.id())) {
      Set<GrantOperation> held = cache.grants().operations(keyId, project.requester());
      if (!held.containsAll(grant.operations())) {
        throw new KmsException(ErrorCode.KEY_ACCESS_DENIED);
      }
    }
    GrantRow row = newRow(project, keyId, grant);
    if (!store.create(row, GRANTS_PER_KEY)) {
      throw new KmsException(ErrorCode.TOO_MANY_GRANTS);
    }
    cache.grants().forget(keyId);
    return new GrantResponses.CreateGrant(row.grantId());
  }

  private GrantRow newRow(Project project, String keyId, GrantRules.NewGrant grant) {
    byte[] id = new byte[32];
    random.nextBytes(id);
    return new GrantRow(
        HexFormat.of().formatHex(id),
        keyId,
        grant.name(),
        grant.grantee(),
        grant.granteeType(),
        grant.operationNames(),
        Objects.requireNonNullElse(project.requester().userId(), ""),
        grant.retiring(),
        clock.millis());
  }

  /** One page of a key of the project's grants, oldest first. */
  public GrantResponses.GrantList list(Project project, GrantRequests.ListGrants r) {
    Params.sequence(r.sequence());
    String keyId = Params.keyId(r.keyId());
    int limit = Params.pageLimit(r.limit(), DEFAULT_LIMIT);
    int offset = Params.pageStart(r.marker(), ErrorCode.INVALID_MARKER);
    cache.get(project.id(), keyId);
    return page(
        store.ofKey(keyId, limit + 1, offset), limit, offset, () -> store.countOfKey(keyId));
  }

  /** One page of the grants, on any key, that the caller may retire. */
  public GrantResponses.GrantList listRetirable(
      Project project, GrantRequests.ListRetirableGrants r) {
    Params.sequence(r.sequence());
    int limit = Params.pageLimit(r.limit(), DEFAULT_LIMIT);
    int offset = Params.pageStart(r.marker(), ErrorCode.INVALID_MARKER);
    String user = Objects.requireNonNullElse(project.requester().userId(), "");
    String domain = Objects.requireNonNullElse(project.requester().domainId(), "");
    return page(
        store.retirable(user, domain, limit + 1, offset),
        limit,
        offset,
        () -> store.countRetirable(user, domain));
  }

  private static GrantResponses.GrantList page(
      List<GrantRow> rows, int limit, int offset, IntSupplier total) {
    boolean more = rows.size() > limit;
    List<GrantResponses.Grant> grants = rows.stream().limit(limit).map(GrantService::wire).toList();
    String next = more ? Integer.toString(offset + limit) : "";
    return new GrantResponses.GrantList(grants, next, Boolean.toString(more), total.getAsInt());
  }

  /** Revokes a grant of a key of the project: only the key's own project may. */
  public Void revoke(Project project, GrantRequests.GrantId r) {
    Params.sequence(r.sequence());
    String keyId = Params.keyId(r.keyId());
    String grantId = GrantRules.grantId(r.grantId());
    cache.get(project.id(), keyId);
    remove(keyId, store.find(grantId).orElseThrow(GrantService::notFound));
    return null;
  }

  /**
   * Retires a grant: allowed to its creator, its retiring principal, or its grantee when it grants
   * {@code retire-grant}. Anyone else gets {@code KMS.0306} when it is the grantee or the key's
   * project, else {@code KMS.2501}, as if the grant did not exist.
   */
  public Void retire(Project project, GrantRequests.GrantId r) {
    Params.sequence(r.sequence());
    String keyId = Params.keyId(r.keyId());
    String grantId = GrantRules.grantId(r.grantId());
    GrantRow grant = store.find(grantId).orElseThrow(GrantService::notFound);
    Requester requester = project.requester();
    if (!GrantRules.mayRetire(grant, requester)) {
      boolean knowsIt =
          GrantCache.isGrantee(grant, requester) || cache.inProject(project.id(), grant.keyId());
      throw knowsIt ? new KmsException(ErrorCode.KEY_ACCESS_DENIED) : notFound();
    }
    remove(keyId, grant);
    return null;
  }

  private void remove(String keyId, GrantRow grant) {
    if (!grant.keyId().equals(keyId)) {
      throw new KmsException(ErrorCode.GRANT_KEY_MISMATCH);
    }
    boolean deleted = store.delete(keyId, grant.grantId());
    cache.grants().forget(keyId);
    if (!deleted) {
      throw notFound();
    }
  }

  private static KmsException notFound() {
    return new KmsException(ErrorCode.GRANT_NOT_FOUND);
  }

  private static GrantResponses.Grant wire(GrantRow row) {
    return new GrantResponses.Grant(
        row.keyId(),
        row.grantId(),
        row.granteePrincipal(),
        row.granteeType(),
        row.operations(),
        row.issuingPrincipal(),
        Long.toString(row.creationDate()),
        row.name().isEmpty() ? null : row.name(),
        row.retiringPrincipal().isEmpty() ? null : row.retiringPrincipal());
  }
}
