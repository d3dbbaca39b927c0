package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alias names and the alias forms of a {@code key_id} field (docs/aliases.md): {@code alias/<name>}
 * and the alias URN {@code kms:<region>:<domain_id>:alias:<alias>}.
 */
final class AliasNames {
  static final String PREFIX = "alias/";
  private static final String URN_PREFIX = "kms:";
  private static final String URN_KIND = ":alias:";
  private static final Pattern ALIAS = Pattern.compile("^alias/[a-zA-Z0-9:/_-]{1,249}$");

  private AliasNames() {}

  /** A well-formed alias ({@code KMS.1101}). */
  static String check(String alias) {
    if (!isAlias(alias)) {
      throw new KmsException(ErrorCode.INVALID_ALIAS_NAME);
    }
    return alias;
  }

  private static boolean isAlias(String alias) {
    return alias != null && alias.length() <= 255 && ALIAS.matcher(alias).matches();
  }

  /** The alias URN of an alias in a project (Huawei's region is the project's name). */
  static String urn(Project project, String alias) {
    return URN_PREFIX + project.name() + ":" + project.domainId() + URN_KIND + alias;
  }

  /**
   * The alias a {@code key_id} field names, or empty when it is not in an alias form (then it must
   * be a key id). A malformed alias or URN is an invalid key id ({@code KMS.0205}); a URN of
   * another account or region names no key of the caller ({@code KMS.0207}).
   */
  static Optional<String> named(Project project, String keyIdField) {
    if (keyIdField == null) {
      return Optional.empty();
    }
    if (keyIdField.startsWith(PREFIX)) {
      return Optional.of(referenced(keyIdField));
    }
    if (!keyIdField.startsWith(URN_PREFIX)) {
      return Optional.empty();
    }
    int kind = keyIdField.indexOf(URN_KIND);
    if (kind < 0 || keyIdField.length() > 1024) {
      throw new KmsException(ErrorCode.INVALID_KEY_ID);
    }
    String alias = referenced(keyIdField.substring(kind + URN_KIND.length()));
    if (!keyIdField
        .substring(0, kind)
        .equals(URN_PREFIX + project.name() + ":" + project.domainId())) {
      throw new KmsException(ErrorCode.KEY_NOT_FOUND);
    }
    return Optional.of(alias);
  }

  private static String referenced(String alias) {
    if (!isAlias(alias)) {
      throw new KmsException(ErrorCode.INVALID_KEY_ID);
    }
    return alias;
  }
}
