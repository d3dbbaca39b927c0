package io.keyloom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyloom.auth.IdentityAdmin.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows first-start credentials once and keeps them in a file only its owner can read. */
final class BootstrapFile {
  private BootstrapFile() {}

  static void write(Path file, Bootstrap b) throws IOException {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("domain", b.domain());
    json.put("domain_id", b.domainId());
    json.put("project", b.project());
    json.put("project_id", b.projectId());
    json.put("user", b.user());
    json.put("password", b.password());
    json.put("access_key", b.accessKey());
    json.put("secret_key", b.secretKey());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
  }

  static void print(PrintStream out, Bootstrap b, Path file) {
    out.println("First start: created these credentials (shown once; also in " + file + "):");
    out.println("  domain:     " + b.domain() + " (" + b.domainId() + ")");
    out.println("  project:    " + b.project() + " (" + b.projectId() + ")");
    out.println("  user:       " + b.user());
    out.println("  password:   " + b.password());
    out.println("  access key: " + b.accessKey());
    out.println("  secret key: " + b.secretKey());
  }
}
