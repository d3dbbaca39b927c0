package io.keyloom.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Renders an {@link AuditEvent} as one JSON line, every field always present (null if unknown). */
final class AuditLine {
  private static final JsonFactory JSON = new JsonFactory();

  private AuditLine() {}

  /** The event as one line of JSON ending in {@code \n}; field order as docs/audit-log.md. */
  static String of(Instant time, AuditEvent e) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField(
          "time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)));
      g.writeStringField("request_id", e.requestId());
      g.writeStringField("service", e.service());
      g.writeStringField("method", e.method());
      g.writeStringField("operation", e.operation());
      caller(g, e.caller() == null ? AuditEvent.Caller.UNKNOWN : e.caller());
      g.writeStringField("key_id", e.keyId());
      g.writeNumberField("status", e.status());
      g.writeStringField("error_code", e.errorCode());
      g.writeStringField("client_address", e.clientAddress());
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  private static void caller(JsonGenerator g, AuditEvent.Caller c) throws IOException {
    g.writeObjectFieldStart("caller");
    g.writeStringField("user_id", c.userId());
    g.writeStringField("domain_id", c.domainId());
    g.writeStringField("project_id", c.projectId());
    g.writeStringField("auth_method", c.authMethod());
    g.writeEndObject();
  }
}
