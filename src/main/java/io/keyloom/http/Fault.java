package io.keyloom.http;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * One injected fault of the emulator (POST /keyloom/v1/faults): calls of one KMS operation, in one
 * project or all, answer an error and/or are delayed, each with probability {@code rate}, until
 * {@code count} calls were affected (forever without a count). docs/throttle-and-faults.md.
 */
final class Fault {
  /** The longest injectable latency: below the default idle timeout (60 s) and SDK timeouts. */
  static final int MAX_LATENCY_MS = 60_000;

  private static final Pattern ERROR_CODE = Pattern.compile("^[A-Z][A-Z0-9]{1,15}\\.[0-9]{4}$");
  private static final Pattern PROJECT_ID = Pattern.compile("^[0-9a-f]{32}$");
  private static final int MAX_MESSAGE = 512;

  private final String operation;
  private final String projectId;
  private final int status;
  private final String errorCode;
  private final String errorMsg;
  private final int latencyMs;
  private final double rate;
  private final AtomicLong remaining;
  private final Random random;

  private Fault(Spec spec) {
    this.operation = spec.operation();
    this.projectId = spec.projectId();
    this.status = spec.status() == null ? 0 : spec.status();
    this.errorCode = spec.errorCode();
    this.errorMsg =
        spec.errorMsg() != null || errorCode == null ? spec.errorMsg() : message(status, errorCode);
    this.latencyMs = spec.latencyMs() == null ? 0 : spec.latencyMs();
    this.rate = spec.rate() == null ? 1.0 : spec.rate();
    this.remaining = spec.count() == null ? null : new AtomicLong(spec.count());
    this.random = spec.seed() == null ? null : new Random(spec.seed());
  }

  /**
   * The body of POST /keyloom/v1/faults. Fields: {@code operation} (required), {@code status} with
   * {@code error_code} and optionally {@code error_msg}, and/or {@code latency_ms}; {@code rate}
   * (default 1), {@code count} (default unlimited), {@code project_id} (default all projects),
   * {@code seed} (a fixed seed makes the {@code rate} draws reproducible).
   */
  record Spec(
      String operation,
      Integer status,
      String errorCode,
      String errorMsg,
      Integer latencyMs,
      Double rate,
      Long count,
      String projectId,
      Long seed) {
    static final Set<String> FIELDS =
        Set.of(
            "operation",
            "status",
            "error_code",
            "error_msg",
            "latency_ms",
            "rate",
            "count",
            "project_id",
            "seed");
  }

  /** Validates a request; every bad field is a 400 naming it. */
  static Fault of(Spec spec, Set<String> operations) {
    checkOperation(spec.operation(), operations);
    checkError(spec);
    checkTiming(spec);
    if (spec.projectId() != null && !PROJECT_ID.matcher(spec.projectId()).matches()) {
      throw invalid("project_id must be a project id: 32 lowercase hex characters.");
    }
    return new Fault(spec);
  }

  private static void checkOperation(String operation, Set<String> operations) {
    if (operation == null) {
      throw new KmsException(ErrorCode.MISSING_PARAMETER, "operation is required.");
    }
    if (!operations.contains(operation)) {
      throw invalid(
          "operation must be a KMS operation (its path after the project and kms/), one of "
              + String.join(", ", operations.stream().sorted().toList())
              + ".");
    }
  }

  /** The injected error: status and error_code together, error_msg only with them. */
  private static void checkError(Spec spec) {
    if ((spec.status() == null) != (spec.errorCode() == null)) {
      throw new KmsException(
          ErrorCode.MISSING_PARAMETER, "status and error_code must be given together.");
    }
    if (spec.status() == null && spec.latencyMs() == null) {
      throw new KmsException(
          ErrorCode.MISSING_PARAMETER, "A fault needs status and error_code, or latency_ms.");
    }
    if (spec.status() != null && (spec.status() < 400 || spec.status() > 599)) {
      throw invalid("status must be an HTTP error status from 400 to 599.");
    }
    if (spec.errorCode() != null && !ERROR_CODE.matcher(spec.errorCode()).matches()) {
      throw invalid("error_code must look like KMS.0101 or APIGW.0308.");
    }
    if (spec.errorMsg() != null
        && (spec.errorMsg().isEmpty() || spec.errorMsg().length() > MAX_MESSAGE)) {
      throw invalid("error_msg must be 1 to " + MAX_MESSAGE + " characters.");
    }
    if (spec.errorMsg() != null && spec.status() == null) {
      throw new KmsException(ErrorCode.MISSING_PARAMETER, "error_msg needs status and error_code.");
    }
  }

  /** When and how often the fault fires, and how long it holds the answer back. */
  private static void checkTiming(Spec spec) {
    if (spec.latencyMs() != null && (spec.latencyMs() < 1 || spec.latencyMs() > MAX_LATENCY_MS)) {
      throw invalid("latency_ms must be from 1 to " + MAX_LATENCY_MS + ".");
    }
    if (spec.rate() != null && !(spec.rate() > 0 && spec.rate() <= 1)) {
      throw invalid("rate must be more than 0 and at most 1.");
    }
    if (spec.count() != null && spec.count() < 1) {
      throw invalid("count must be at least 1 (leave it out for no limit).");
    }
  }

  private static KmsException invalid(String message) {
    return new KmsException(ErrorCode.INVALID_PARAMETER, message);
  }

  /** Keyloom's own message for a code it knows (same status first), else a neutral one. */
  private static String message(int status, String code) {
    String any = null;
    for (ErrorCode known : ErrorCode.values()) {
      if (known.code().equals(code)) {
        if (known.status() == status) {
          return known.message();
        }
        any = any == null ? known.message() : any;
      }
    }
    return any != null ? any : "Fault injected by POST /keyloom/v1/faults.";
  }

  String operation() {
    return operation;
  }

  /** The project it applies to, or null for all. */
  String projectId() {
    return projectId;
  }

  /**
   * Whether this call is affected: drawn with probability {@code rate}, then counted against {@code
   * count}; a call that is not affected uses none of the count.
   */
  boolean fires() {
    if (rate < 1.0) {
      if (draw() >= rate) {
        return false;
      }
    }
    if (remaining == null) {
      return true;
    }
    while (true) {
      long left = remaining.get();
      if (left <= 0) {
        return false;
      }
      if (remaining.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }

  /**
   * The next draw. A seeded one is taken under a lock: {@link Random#nextDouble} consumes two steps
   * of the generator, and concurrent calls would interleave them, so that the n-th draw would no
   * longer be the n-th double of {@code Random(seed)}.
   */
  private double draw() {
    if (random == null) {
      return ThreadLocalRandom.current().nextDouble();
    }
    synchronized (random) {
      return random.nextDouble();
    }
  }

  /** Whether the count is used up. */
  boolean exhausted() {
    return remaining != null && remaining.get() <= 0;
  }

  /** How long the response is held back, in milliseconds (0: not at all). */
  int latencyMs() {
    return latencyMs;
  }

  /** The injected error response, or null when this fault only adds latency. */
  Endpoint.Reply error(String requestId) {
    if (errorCode == null) {
      return null;
    }
    // Gateway codes come in the gateway's flat body, as Keyloom's own 401s and 429s do.
    Object body =
        errorCode.startsWith("APIG")
            ? ErrorMapper.gatewayBody(errorCode, errorMsg, requestId)
            : ErrorMapper.body(errorCode, errorMsg);
    Map<String, String> headers =
        status == 429 || status == 503 ? Map.of("Retry-After", "1") : Map.of();
    return new Endpoint.Reply(status, body, headers);
  }

  /** What GET /keyloom/v1/faults shows: the fault as posted, with the count still left. */
  Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("operation", operation);
    if (projectId != null) {
      view.put("project_id", projectId);
    }
    if (errorCode != null) {
      view.put("status", status);
      view.put("error_code", errorCode);
      view.put("error_msg", errorMsg);
    }
    if (latencyMs > 0) {
      view.put("latency_ms", latencyMs);
    }
    view.put("rate", rate);
    if (remaining != null) {
      view.put("count", Math.max(0, remaining.get()));
    }
    return view;
  }
}
