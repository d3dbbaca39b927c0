package io.keyloom.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One logger of {@code --log-format json}: each event is one JSON object on one line, {@code
 * {"time":...,"level":...,"logger":...,"message":...}}, with {@code request_id} when the thread
 * works on a request ({@link LogContext}) and {@code exception} (class, message and stack trace, as
 * the text format prints it) when one is logged. Lines are written whole, never interleaved.
 */
final class JsonLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
  private final transient Level level;
  private final transient PrintStream out;

  /**
   * @param level the lowest level logged; null logs nothing
   */
  JsonLogger(String name, Level level, PrintStream out) {
    this.name = name;
    this.level = level;
    this.out = out;
  }

  private boolean enabled(Level l) {
    return level != null && l.toInt() >= level.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level at, Marker marker, String message, Object[] arguments, Throwable failure) {
    if (!enabled(at)) {
      return;
    }
    String text = MessageFormatter.basicArrayFormat(message, arguments);
    String line = line(Instant.now(), at, name, text, LogContext.requestId(), failure);
    out.print(line + System.lineSeparator());
    out.flush();
  }

  /** One event as a JSON object without a line break (line breaks in values are escaped). */
  static String line(
      Instant time, Level level, String logger, String message, String requestId, Throwable e) {
    StringWriter buffer = new StringWriter(128);
    try (JsonGenerator json = JSON.createGenerator(buffer)) {
      json.writeStartObject();
      json.writeStringField("time", time.toString());
      json.writeStringField("level", level.name());
      json.writeStringField("logger", logger);
      json.writeStringField("message", message);
      if (requestId != null) {
        json.writeStringField("request_id", requestId);
      }
      if (e != null) {
        json.writeStringField("exception", stackTrace(e));
      }
      json.writeEndObject();
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
    return buffer.toString();
  }

  private static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString().stripTrailing();
  }
}
