package io.keyloom.http;

import static io.keyloom.http.Route.Method.DELETE;
import static io.keyloom.http.Route.Method.GET;
import static io.keyloom.http.Route.Method.POST;
import static io.keyloom.http.Work.WRITE;

import io.keyloom.kms.api.AliasRequests;
import io.keyloom.kms.api.GrantRequests;
import io.keyloom.kms.api.TagRequests;
import java.util.List;

/**
 * The routes of the resources attached to keys: aliases, tags and grants, one line per operation;
 * aliases and tags in the REST style of Huawei's later operations (path parameters, GET/DELETE,
 * 201/204; docs/routes.md).
 */
final class ResourceRoutes {
  private static final String KMS = ProjectRoutes.KMS;
  private final ProjectRoutes project;
  private final KmsServices kms;

  ResourceRoutes(ProjectRoutes project, KmsServices kms) {
    this.project = project;
    this.kms = kms;
  }

  /** Aliases (docs/aliases.md): store work; resolving one as key_id is a cached read. */
  List<Route> aliases() {
    String aliases = KMS + "aliases";
    return List.of(
        project.created(POST, aliases, WRITE, Alias.CREATE, kms.aliases()::create),
        project.ok(GET, aliases, WRITE, Alias.LIST, kms.aliases()::list),
        project.noContent(DELETE, aliases, WRITE, Alias.DELETE, kms.aliases()::delete),
        project.ok(
            POST, KMS + "alias/associate", WRITE, Alias.ASSOCIATE, kms.aliases()::associate));
  }

  /** The request types of the alias routes, so that each route stays one line. */
  private static final class Alias {
    static final Class<AliasRequests.CreateAlias> CREATE = AliasRequests.CreateAlias.class;
    static final Class<AliasRequests.ListAliases> LIST = AliasRequests.ListAliases.class;
    static final Class<AliasRequests.DeleteAlias> DELETE = AliasRequests.DeleteAlias.class;
    static final Class<AliasRequests.AssociateAlias> ASSOCIATE = AliasRequests.AssociateAlias.class;
  }

  /** Tags of keys (docs/tags.md): store work; creations and deletions answer 204. */
  List<Route> tags() {
    return List.of(
        project.get(KMS + "tags", WRITE, kms.tags()::list),
        project.ok(GET, KMS + ":key_id/tags", WRITE, Tags.SHOW, kms.tags()::show),
        project.noContent(POST, KMS + ":key_id/tags", WRITE, Tags.CREATE, kms.tags()::create),
        project.noContent(
            DELETE, KMS + ":key_id/tags/:key", WRITE, Tags.DELETE, kms.tags()::delete),
        project.noContent(POST, KMS + ":key_id/tags/action", WRITE, Tags.BATCH, kms.tags()::batch),
        project.ok(
            POST, KMS + "resource_instances/action", WRITE, Tags.BY_TAGS, kms.tags()::resources));
  }

  /** Grants (docs/grants.md): store work; using a key through a grant is a cached read. */
  List<Route> grants() {
    return List.of(
        project.ok(POST, KMS + "create-grant", WRITE, Grants.CREATE, kms.grants()::create),
        project.ok(POST, KMS + "list-grants", WRITE, Grants.LIST, kms.grants()::list),
        project.ok(POST, KMS + "revoke-grant", WRITE, Grants.ID, kms.grants()::revoke),
        project.ok(POST, KMS + "retire-grant", WRITE, Grants.ID, kms.grants()::retire),
        project.ok(
            POST,
            KMS + "list-retirable-grants",
            WRITE,
            Grants.RETIRABLE,
            kms.grants()::listRetirable));
  }

  /** The request types of the grant routes, so that each route stays one line. */
  private static final class Grants {
    static final Class<GrantRequests.CreateGrant> CREATE = GrantRequests.CreateGrant.class;
    static final Class<GrantRequests.ListGrants> LIST = GrantRequests.ListGrants.class;
    static final Class<GrantRequests.GrantId> ID = GrantRequests.GrantId.class;
    static final Class<GrantRequests.ListRetirableGrants> RETIRABLE =
        GrantRequests.ListRetirableGrants.class;
  }

  /** The request types of the tag routes, so that each route stays one line. */
  private static final class Tags {
    static final Class<TagRequests.ShowKmsTags> SHOW = TagRequests.ShowKmsTags.class;
    static final Class<TagRequests.CreateKmsTag> CREATE = TagRequests.CreateKmsTag.class;
    static final Class<TagRequests.DeleteTag> DELETE = TagRequests.DeleteTag.class;
    static final Class<TagRequests.BatchCreateKmsTags> BATCH = TagRequests.BatchCreateKmsTags.class;
    static final Class<TagRequests.ListKmsByTags> BY_TAGS = TagRequests.ListKmsByTags.class;
  }
}
