package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.AliasRequests;
import io.keyloom.kms.api.AliasResponses;
import io.keyloom.store.AliasRow;
import io.keyloom.store.AliasStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Aliases (docs/aliases.md): create, list, delete and re-associate, unique per account and region.
 * Every change is visible on this node at once, on others within the key cache's bound.
 */
public final class AliasService {
  static final int MAX_ALIASES_PER_DELETE = 100;
  private static final int DEFAULT_LIMIT = 100;
  private final AliasStore store;
  private final KeyCache cache;
  private final Clock clock;

  /** Aliases over the store, invalidating {@code cache}'s aliases. */
  public AliasService(AliasStore store, KeyCache cache, Clock clock) {
    this.store = store;
    this.cache = cache;
    this.clock = clock;
  }

  /** Names a key of the project. */
  public AliasResponses.AliasEntity create(Project project, AliasRequests.CreateAlias r) {
    String keyId = Params.keyId(r.keyId());
    String alias = AliasNames.check(Params.required(r.alias(), "alias"));
    requireNameable(cache.get(project.id(), keyId));
    long now = clock.millis();
    AliasRow row =
        new AliasRow(project.domainId(), project.name(), alias, project.id(), keyId, now, now);
    if (!store.create(row)) {
      throw new KmsException(ErrorCode.ALIAS_NAME_EXISTS);
    }
    cache.aliases().forget(project, alias);
    return entity(project, row);
  }

  /** One page of the project's aliases, of one key when {@code key_id} is given. */
  public List<AliasResponses.Page> list(Project project, AliasRequests.ListAliases r) {
    String keyId = r.keyId() == null ? null : Params.keyId(r.keyId());
    int limit = Params.pageLimit(r.limit(), DEFAULT_LIMIT);
    int offset = Params.pageStart(r.marker(), ErrorCode.INVALID_MARKER);
    if (keyId != null) {
      cache.get(project.id(), keyId);
    }
    List<AliasRow> rows = store.list(project.domainId(), project.name(), keyId, limit + 1, offset);
    boolean more = rows.size() > limit;
    List<AliasResponses.AliasEntity> page =
        rows.stream().limit(limit).map(row -> entity(project, row)).toList();
    String next = more ? Integer.toString(offset + limit) : "";
    return List.of(new AliasResponses.Page(page, new AliasResponses.PageInfo(next, page.size())));
  }

  /** Deletes aliases of one key, all or none. */
  public void delete(Project project, AliasRequests.DeleteAlias r) {
    String keyId = Params.keyId(r.keyId());
    List<String> aliases = r.aliases();
    if (aliases == null || aliases.isEmpty()) {
      throw KmsException.missing("aliases");
    }
    if (aliases.size() > MAX_ALIASES_PER_DELETE) {
      throw KmsException.invalid("aliases");
    }
    aliases.forEach(AliasNames::check);
    cache.get(project.id(), keyId);
    List<String> distinct = aliases.stream().distinct().toList();
    boolean deleted = store.delete(project.domainId(), project.name(), keyId, distinct);
    distinct.forEach(alias -> cache.aliases().forget(project, alias));
    if (!deleted) {
      throw new KmsException(ErrorCode.ALIAS_NOT_FOUND);
    }
  }

  /** Points an alias of the account and region at another key of the project. */
  public AliasResponses.AliasEntity associate(Project project, AliasRequests.AssociateAlias r) {
    String alias = AliasNames.check(Params.required(r.alias(), "alias"));
    String keyId = Params.keyId(r.targetKeyId());
    requireNameable(cache.get(project.id(), keyId));
    boolean moved =
        store.associate(
            project.domainId(), project.name(), alias, keyId, project.id(), clock.millis());
    cache.aliases().forget(project, alias);
    if (!moved) {
      throw new KmsException(ErrorCode.ALIAS_NOT_FOUND);
    }
    return store
        .find(project.domainId(), project.name(), alias)
        .map(row -> entity(project, row))
        .orElseThrow(() -> new KmsException(ErrorCode.ALIAS_NOT_FOUND));
  }

  /** Default keys and keys pending deletion take no new alias. */
  private static void requireNameable(LoadedKey key) {
    if (key.row().defaultKey()) {
      throw new KmsException(ErrorCode.DEFAULT_KEY);
    }
    if (key.state() == KeyState.PENDING_DELETION) {
      throw new KmsException(ErrorCode.KEY_PENDING_DELETION);
    }
  }

  private static AliasResponses.AliasEntity entity(Project project, AliasRow row) {
    return new AliasResponses.AliasEntity(
        row.domainId(),
        row.keyId(),
        row.alias(),
        AliasNames.urn(project, row.alias()),
        iso(row.createdAt()),
        iso(row.updatedAt()));
  }

  private static String iso(long millis) {
    return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
