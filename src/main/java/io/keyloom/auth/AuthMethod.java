package io.keyloom.auth;

/** How a caller proved who it is; its {@link #wireName} appears in the audit log. */
public enum AuthMethod {
  /** An {@code X-Auth-Token} from {@code POST /v3/auth/tokens}. */
  TOKEN("token"),
  /** A permanent access key's AK/SK signature. */
  AKSK("aksk"),
  /** A temporary access key's AK/SK signature with its {@code X-Security-Token}. */
  TEMPORARY_AKSK("temporary_aksk"),
  /** A user name and password ({@code POST /v3/auth/tokens}). */
  PASSWORD("password");

  private final String wireName;

  AuthMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name the audit log writes (docs/audit-log.md). */
  public String wireName() {
    return wireName;
  }
}
