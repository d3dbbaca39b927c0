package io.keyloom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyloom.auth.IdentityAdmin.Bootstrap;
import io.keyloom.config.Seed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Keeps first-start credentials in a file only its owner can read, and says where it is. */
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
    Files.createFile(file, PosixFilePermissions.asFileAttribute(DataDir.FILE_MODE));
    // The create mode passes through the umask; set it exactly, before any secret is written.
    Files.setPosixFilePermissions(file, DataDir.FILE_MODE);
    Files.write(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
  }

  /**
   * The first-start identities written to {@code file}, as a seed: what a reset without a seed file
   * goes back to (docs/emulator.md). Empty when there is no such file.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or lacks a field; the
   *     message never quotes its content
   */
  static Optional<Seed> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      return Optional.of(
          new Bootstrap(
                  field(json, "domain"),
                  field(json, "domain_id"),
                  field(json, "project"),
                  field(json, "project_id"),
                  field(json, "user"),
                  field(json, "password"),
                  field(json, "access_key"),
                  field(json, "secret_key"))
              .asSeed());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read the first-start credentials in "
              + file
              + ": not the JSON Keyloom wrote there, or a field is missing or invalid");
    }
  }

  private static String field(JsonNode json, String name) {
    JsonNode value = json.path(name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name);
    }
    return value.textValue();
  }

  /**
   * Tells the operator where the credentials are. Only the access key, an identifier, is printed:
   * the secret key and the password stay in the owner-only file, out of terminal scrollback and
   * collected logs.
   */
  static void print(PrintStream out, Bootstrap b, Path file) {
    out.println(
        "First start: created domain "
            + b.domain()
            + ", project "
            + b.project()
            + ", user "
            + b.user()
            + " and access key "
            + b.accessKey()
            + "; the password and secret key are in "
            + file.toAbsolutePath()
            + " (mode 0600)");
  }
}
