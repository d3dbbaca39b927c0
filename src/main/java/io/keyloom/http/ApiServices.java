package io.keyloom.http;

import io.keyloom.audit.AuditLog;
import io.keyloom.metrics.NodeMetrics;
import java.util.Optional;

/**
 * Everything the route table serves, in one value, so that adding a family of routes does not grow
 * {@link HttpApi}'s constructor.
 *
 * @param maxBodyBytes the largest request body any route accepts
 * @param kms the KMS operations
 * @param iam tokens, projects and temporary credentials
 * @param store the store's health, for {@code /health} and {@code /ready}
 * @param emulator the emulator controls under {@code /keyloom/v1/}; empty when {@code --emulator}
 *     is off, and then those paths are 404 like any unknown path
 * @param throttle KMS calls per second one project may make (429 {@code APIGW.0308} beyond); 0 = no
 *     limit (docs/throttle-and-faults.md)
 * @param audit the audit log of KMS and IAM requests (docs/audit-log.md)
 * @param metrics the node's meters, served at {@code GET /metrics}; empty with {@code --metrics
 *     off}, and then that path is 404 like any unknown path (docs/metrics.md)
 */
public record ApiServices(
    int maxBodyBytes,
    KmsServices kms,
    IamServices iam,
    StoreProbe store,
    Optional<EmulatorControls> emulator,
    int throttle,
    AuditLog audit,
    Optional<NodeMetrics> metrics) {
  /** Normalises null optionals to empty and a null audit log to {@link AuditLog#NONE}. */
  public ApiServices {
    emulator = emulator == null ? Optional.empty() : emulator;
    metrics = metrics == null ? Optional.empty() : metrics;
    audit = audit == null ? AuditLog.NONE : audit;
  }
}
