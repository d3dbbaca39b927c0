package io.keyloom.config;

/**
 * A seed record refused one of its fields. {@link SeedLoader} reports it at that field's line and
 * column, and the message names rules and fields only, never the field's value.
 */
final class SeedFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  SeedFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The refused field's YAML name, e.g. {@code material}. */
  String field() {
    return field;
  }
}
