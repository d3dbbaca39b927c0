package io.keyloom.http;

import static io.keyloom.http.Route.Method.GET;
import static io.keyloom.http.Route.Method.POST;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator controls under {@code /keyloom/v1/} (docs/emulator.md): off Huawei's paths, without
 * credentials, added to the route table only with {@code --emulator}. Each control is store work
 * ({@link Work#WRITE}): a reset or a clock move writes to the store and must not take a hot-path
 * thread. Further controls (faults) add their routes to {@link #all}.
 */
final class EmulatorRoutes {
  /** The prefix of every emulator control. */
  static final String PREFIX = "/keyloom/v1/";

  /** The latest time the clock may show: the end of year 9999, as four-digit years allow. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private static final Pattern AMOUNT = Pattern.compile("^([1-9][0-9]{0,8})([smhd])$");
  private static final String ADVANCE_RULE =
      "advance must be a positive whole number followed by s, m, h or d, e.g. \"8d\".";
  private final int maxBody;
  private final EmulatorControls controls;

  EmulatorRoutes(int maxBody, EmulatorControls controls) {
    this.maxBody = maxBody;
    this.controls = controls;
  }

  /** The body of {@code POST /keyloom/v1/clock}: exactly one of the two fields. */
  record ClockChange(String advance, Long set) {}

  List<Route> all() {
    List<Route> routes = new ArrayList<>();
    routes.add(control(POST, "reset", r -> Endpoint.Reply.ok(reset())));
    routes.add(control(GET, "clock", r -> clock(controls.now())));
    routes.add(control(POST, "clock", r -> clock(move(Json.read(r.body(), ClockChange.class)))));
    return routes;
  }

  private Route control(Route.Method method, String name, Endpoint endpoint) {
    return control(method, PREFIX + name, maxBody, endpoint);
  }

  /** An emulator control: no credentials, not from web pages, store work. */
  static Route control(Route.Method method, String path, int maxBody, Endpoint endpoint) {
    return new Route(method, path, maxBody, Route.Auth.EMULATOR, b -> Work.WRITE, endpoint);
  }

  private Map<String, Object> reset() {
    return Map.of("keys_deleted", controls.reset());
  }

  private static Endpoint.Reply clock(Instant now) {
    return Endpoint.Reply.ok(Map.of("now", now.toEpochMilli()));
  }

  private Instant move(ClockChange change) {
    if (change.advance() == null && change.set() == null) {
      throw new KmsException(
          ErrorCode.MISSING_PARAMETER, "Give either advance (e.g. \"8d\") or set (epoch ms).");
    }
    if (change.advance() != null && change.set() != null) {
      throw new KmsException(ErrorCode.INVALID_PARAMETER, "Give either advance or set, not both.");
    }
    if (change.set() != null) {
      if (change.set() < 0 || change.set() > LATEST.toEpochMilli()) {
        throw new KmsException(
            ErrorCode.INVALID_PARAMETER,
            "set must be epoch milliseconds from 0 to " + LATEST.toEpochMilli() + ".");
      }
      return controls.set(Instant.ofEpochMilli(change.set()));
    }
    Duration amount = amount(change.advance());
    if (controls.now().plus(amount).isAfter(LATEST)) {
      throw new KmsException(
          ErrorCode.INVALID_PARAMETER, "advance would move the clock past " + LATEST + ".");
    }
    return controls.advance(amount);
  }

  /** Parses {@code 30s}, {@code 15m}, {@code 25h}, {@code 8d}; anything else is refused. */
  static Duration amount(String text) {
    Matcher m = AMOUNT.matcher(text);
    if (!m.matches()) {
      throw new KmsException(ErrorCode.INVALID_PARAMETER, ADVANCE_RULE);
    }
    ChronoUnit unit =
        switch (m.group(2)) {
          case "s" -> ChronoUnit.SECONDS;
          case "m" -> ChronoUnit.MINUTES;
          case "h" -> ChronoUnit.HOURS;
          default -> ChronoUnit.DAYS;
        };
    return Duration.of(Long.parseLong(m.group(1)), unit);
  }
}
