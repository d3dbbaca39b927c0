package io.keyloom.http;

import static io.keyloom.http.Route.Method.DELETE;
import static io.keyloom.http.Route.Method.GET;
import static io.keyloom.http.Route.Method.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's fault controls under {@code /keyloom/v1/faults}: POST adds a fault, GET lists the
 * active ones, DELETE clears them (all, or one operation's with {@code ?operation=}). No
 * credentials, like every emulator control; served only with {@code --emulator}
 * (docs/throttle-and-faults.md).
 */
final class FaultRoutes {
  static final String PATH = "/keyloom/v1/faults";
  private final int maxBody;
  private final Faults faults;
  private final Set<String> operations;

  /**
   * @param operations the names faults may target: the last path segments of the KMS routes
   */
  FaultRoutes(int maxBody, Faults faults, Set<String> operations) {
    this.maxBody = maxBody;
    this.faults = faults;
    this.operations = Set.copyOf(operations);
  }

  List<Route> all() {
    return List.of(
        route(POST, r -> add(r.body())),
        route(GET, r -> Endpoint.Reply.ok(Map.of("faults", views()))),
        route(DELETE, r -> clear(r.query().get("operation"))));
  }

  private Route route(Route.Method method, Endpoint endpoint) {
    return EmulatorRoutes.control(method, PATH, maxBody, endpoint);
  }

  private Endpoint.Reply add(byte[] body) {
    // Unknown fields are refused here, unlike on Huawei's routes: a misspelt "latency" would
    // otherwise leave a fault that silently does something else than asked.
    for (Iterator<String> names = Json.read(body, JsonNode.class).fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Fault.Spec.FIELDS.contains(name)) {
        throw new KmsException(
            ErrorCode.INVALID_PARAMETER,
            "Unknown field "
                + (name.matches("[A-Za-z0-9_]{1,40}") ? "'" + name + "'" : "")
                + "; a fault has "
                + String.join(", ", Fault.Spec.FIELDS.stream().sorted().toList())
                + ".");
      }
    }
    Fault fault = Fault.of(Json.read(body, Fault.Spec.class), operations);
    faults.put(fault);
    return Endpoint.Reply.ok(Map.of("fault", fault.view()));
  }

  private Endpoint.Reply clear(String operation) {
    if (operation != null && !operations.contains(operation)) {
      throw new KmsException(ErrorCode.INVALID_PARAMETER, "operation is not a KMS operation.");
    }
    return Endpoint.Reply.ok(Map.of("cleared", faults.clear(operation)));
  }

  private List<Map<String, Object>> views() {
    return faults.list().stream().map(Fault::view).toList();
  }
}
