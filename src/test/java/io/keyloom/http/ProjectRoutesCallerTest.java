package io.keyloom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.auth.AuthMethod;
import io.keyloom.auth.Caller;
import io.keyloom.kms.Project;
import io.keyloom.kms.Requester;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Item 1 of issue 15: every KMS service call knows who calls (docs/audit-log.md). */
class ProjectRoutesCallerTest {
  record Empty() {}

  private static Project call(AuthMethod method) {
    AtomicReference<Project> seen = new AtomicReference<>();
    Route route =
        new ProjectRoutes(1024)
            .ok(
                Route.Method.POST,
                ProjectRoutes.KMS + "op",
                Work.WRITE,
                Empty.class,
                (project, request) -> {
                  seen.set(project);
                  return null;
                });
    Caller caller = new Caller("d1", "u1", "p1", "cn-north-4", method);
    route
        .handler()
        .handle(
            new Endpoint.Request(
                caller,
                "{}".getBytes(StandardCharsets.UTF_8),
                "http://x",
                "10.0.0.7",
                Map.of("project_id", "p1"),
                Map.of(),
                "rid-1"));
    return seen.get();
  }

  @Test
  void theServiceSeesUserDomainMethodRequestIdAndAddress() {
    Project project = call(AuthMethod.TEMPORARY_AKSK);
    assertThat(project.id()).isEqualTo("p1");
    assertThat(project.domainId()).isEqualTo("d1");
    assertThat(project.requester())
        .isEqualTo(new Requester("u1", "d1", "temporary_aksk", "rid-1", "10.0.0.7"));
  }

  @Test
  void everyAuthMethodReachesTheService() {
    assertThat(call(AuthMethod.TOKEN).requester().authMethod()).isEqualTo("token");
    assertThat(call(AuthMethod.AKSK).requester().authMethod()).isEqualTo("aksk");
  }

  @Test
  void aProjectBuiltByTheServerItself_hasTheSystemRequester() {
    assertThat(new Project("p", "n", "d").requester()).isEqualTo(Requester.SYSTEM);
  }
}
