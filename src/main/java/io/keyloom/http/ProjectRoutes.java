package io.keyloom.http;

import io.keyloom.auth.Caller;
import io.keyloom.kms.Project;
import io.keyloom.kms.Requester;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Route factories for Huawei's project-scoped operations (docs/routes.md), so that each operation
 * is one entry of the route table: method, path, work class, request record, service method. The
 * caller must authenticate for the path's project ({@link Route.Auth#PROJECT}); the service gets
 * that project and the request record that {@link Binding} makes from the request:
 *
 * <ul>
 *   <li>GET: the query's and the path's parameters (a body is ignored);
 *   <li>POST, PUT: the JSON body, with the path's parameters over it ({@code KMS.0202} for a body
 *       that is not one JSON object);
 *   <li>DELETE: as POST when a body is sent (Huawei's delete-alias carries one), else as GET.
 * </ul>
 */
final class ProjectRoutes {
  /** Huawei's v1.0 paths of a project. */
  static final String V1 = "/v1.0/:project_id/";

  /** Huawei's v1.0 KMS operations. */
  static final String KMS = V1 + "kms/";

  /** Huawei's v2 paths of a project. */
  static final String V2 = "/v2/:project_id/";

  private final int maxBody;

  ProjectRoutes(int maxBody) {
    this.maxBody = maxBody;
  }

  /** An operation answering 200 with the service's result ({@code {}} for null). */
  <Q> Route ok(
      Route.Method method, String path, Work work, Class<Q> type, BiFunction<Project, Q, ?> op) {
    return ok(method, path, b -> work, type, op);
  }

  /** As above, with the work class decided from the body (create-key). */
  <Q> Route ok(
      Route.Method method,
      String path,
      Function<byte[], Work> work,
      Class<Q> type,
      BiFunction<Project, Q, ?> op) {
    return route(method, path, work, r -> Endpoint.Reply.ok(call(method, r, type, op)));
  }

  /** An operation answering 201 Created with the service's result. */
  <Q> Route created(
      Route.Method method, String path, Work work, Class<Q> type, BiFunction<Project, Q, ?> op) {
    return route(method, path, b -> work, r -> Endpoint.Reply.created(call(method, r, type, op)));
  }

  /** An operation answering 204 No Content once the service returns. */
  <Q> Route noContent(
      Route.Method method, String path, Work work, Class<Q> type, BiConsumer<Project, Q> op) {
    BiFunction<Project, Q, ?> run =
        (project, request) -> {
          op.accept(project, request);
          return null;
        };
    return route(
        method,
        path,
        b -> work,
        r -> {
          call(method, r, type, run);
          return Endpoint.Reply.noContent();
        });
  }

  /** A GET operation without parameters: the service needs only the project. */
  Route get(String path, Work work, Function<Project, ?> op) {
    return route(Route.Method.GET, path, b -> work, r -> Endpoint.Reply.ok(op.apply(project(r))));
  }

  private Route route(
      Route.Method method, String path, Function<byte[], Work> work, Endpoint endpoint) {
    return new Route(method, path, maxBody, Route.Auth.PROJECT, work, endpoint);
  }

  private static <Q> Object call(
      Route.Method method, Endpoint.Request r, Class<Q> type, BiFunction<Project, Q, ?> op) {
    return op.apply(project(r), bind(method, r, type));
  }

  /** The request record, bound as the class comment says. */
  static <Q> Q bind(Route.Method method, Endpoint.Request request, Class<Q> type) {
    boolean body =
        method == Route.Method.POST
            || method == Route.Method.PUT
            || (method == Route.Method.DELETE && request.body().length > 0);
    return body ? Binding.withBody(request, type) : Binding.withoutBody(request, type);
  }

  /** The project of the path and who calls in it (docs/audit-log.md). */
  static Project project(Endpoint.Request r) {
    Caller caller = r.caller();
    Requester requester =
        new Requester(
            caller.userId(),
            caller.domainId(),
            caller.method() == null ? null : caller.method().wireName(),
            r.requestId(),
            r.clientAddress());
    return new Project(caller.projectId(), caller.projectName(), caller.domainId(), requester);
  }
}
