package io.keyloom.http;

import io.keyloom.auth.Caller;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;

/**
 * What happens to a KMS call between authentication and its endpoint: {@code --throttle} first,
 * then the emulator's injected faults (docs/throttle-and-faults.md). Both act only on
 * authenticated, project-scoped calls (the {@code /v1.0/{project_id}/kms/} routes), so their state
 * is keyed by real project ids only, and a client's credential errors still surface as such.
 */
final class Controls {
  private final Throttle throttle;
  private final Faults faults;

  /**
   * @param throttle the per-project rate limit (possibly off)
   * @param faults the injected faults, or null without {@code --emulator}
   */
  Controls(Throttle throttle, Faults faults) {
    this.throttle = throttle;
    this.faults = faults;
  }

  /**
   * What to do with a call: nothing, or an injected error and/or latency.
   *
   * @param delayMillis how long to hold the response back
   * @param error the injected response instead of the endpoint's, or null
   */
  record Verdict(long delayMillis, Endpoint.Reply error) {
    static final Verdict PROCEED = new Verdict(0, null);
  }

  /**
   * Admits an authenticated call or throws 429 {@code APIGW.0308} when its project is over the
   * throttle; returns the fault to apply.
   */
  Verdict admit(Route route, Caller caller, String requestId) {
    if (route.auth() != Route.Auth.PROJECT) {
      return Verdict.PROCEED;
    }
    if (!throttle.admit(caller.projectId())) {
      throw new KmsException(
          ErrorCode.THROTTLED,
          "The throttling threshold has been reached: more than "
              + throttle.perSecond()
              + " requests per second in this project.");
    }
    if (faults == null || faults.isEmpty()) {
      return Verdict.PROCEED;
    }
    String operation = route.operation();
    Fault fault = faults.firing(operation, caller.projectId());
    return fault == null ? Verdict.PROCEED : new Verdict(fault.latencyMs(), fault.error(requestId));
  }
}
