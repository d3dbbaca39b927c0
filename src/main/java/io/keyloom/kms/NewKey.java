package io.keyloom.kms;

import io.keyloom.crypto.KeySpec;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyRequests;
import java.util.regex.Pattern;

/**
 * A validated {@code create-key} request: every rule of the CreateKey spec in one place.
 *
 * @param alias the key alias
 * @param spec the key spec
 * @param usage the key usage
 * @param description the description, possibly empty
 * @param external whether the material will be imported (origin {@code external})
 * @param enterpriseProjectId the enterprise project, {@code "0"} by default
 */
record NewKey(
    String alias,
    KeySpec spec,
    KeyUsage usage,
    String description,
    boolean external,
    String enterpriseProjectId) {
  private static final Pattern ALIAS = Pattern.compile("^[a-zA-Z0-9:/_-]{1,255}$");
  private static final Pattern ENTERPRISE_PROJECT = Pattern.compile("^[0-9a-zA-Z-]{1,36}$");

  static NewKey validate(KeyRequests.CreateKey r) {
    Params.sequence(r.sequence());
    String alias = alias(r.keyAlias());
    KeySpec spec = r.keySpec() == null ? KeySpec.AES_256 : parseSpec(r.keySpec());
    KeyUsage usage = usage(spec, r.keyUsage());
    String description = r.keyDescription() == null ? "" : description(r.keyDescription());
    boolean external = external(spec, r.origin());
    String eps = r.enterpriseProjectId() == null ? "0" : r.enterpriseProjectId();
    if (!ENTERPRISE_PROJECT.matcher(eps).matches()) {
      throw KmsException.invalid("enterprise_project_id");
    }
    if (r.keystoreId() != null && !"0".equals(r.keystoreId())) {
      throw KmsException.invalid("keystore_id");
    }
    return new NewKey(alias, spec, usage, description, external, eps);
  }

  /**
   * A required key alias of 1–255 characters from {@code [a-zA-Z0-9:/_-]}, not ending in {@code
   * /default}, which marks service default keys ({@code KMS.0204}, {@code KMS.1101}).
   */
  static String alias(String alias) {
    Params.required(alias, "key_alias");
    if (!ALIAS.matcher(alias).matches() || alias.endsWith("/default")) {
      throw new KmsException(ErrorCode.INVALID_ALIAS);
    }
    return alias;
  }

  /**
   * A key description of at most 255 characters, without U+0000, which PostgreSQL text cannot hold
   * (docs/postgresql.md); empty is allowed ({@code KMS.1103}).
   */
  static String description(String description) {
    if (description.length() > 255 || description.indexOf('\u0000') >= 0) {
      throw new KmsException(ErrorCode.INVALID_DESCRIPTION);
    }
    return description;
  }

  private static KeySpec parseSpec(String wire) {
    for (KeySpec s : KeySpec.values()) {
      if (s.name().equals(wire)) {
        return s;
      }
    }
    throw KmsException.invalid("key_spec");
  }

  /** The default usage of a spec's keys: what create-key and seed keys use when none is named. */
  static KeyUsage defaultUsage(KeySpec spec) {
    return switch (spec.kind()) {
      case SYMMETRIC -> KeyUsage.ENCRYPT_DECRYPT;
      case ASYMMETRIC -> KeyUsage.SIGN_VERIFY;
      case HMAC -> KeyUsage.GENERATE_VERIFY_MAC;
    };
  }

  private static KeyUsage usage(KeySpec spec, String wire) {
    if (wire == null) {
      return defaultUsage(spec);
    }
    KeyUsage usage = KeyUsage.parse(wire).orElseThrow(() -> KmsException.invalid("key_usage"));
    if (spec.isHmac() != (usage == KeyUsage.GENERATE_VERIFY_MAC)) {
      throw spec.isHmac()
          ? new KmsException(
              ErrorCode.HMAC_NOT_SUPPORTED,
              "HMAC keys can only have key_usage GENERATE_VERIFY_MAC.")
          : new KmsException(
              ErrorCode.INVALID_PARAMETER, "key_usage GENERATE_VERIFY_MAC needs an HMAC key_spec.");
    }
    if (spec.isSymmetric() && usage == KeyUsage.SIGN_VERIFY) {
      throw new KmsException(ErrorCode.SYMMETRIC_CANNOT_SIGN);
    }
    if (spec.isEcdsa() && usage == KeyUsage.ENCRYPT_DECRYPT) {
      throw new KmsException(ErrorCode.EC_CANNOT_ENCRYPT);
    }
    return usage;
  }

  private static boolean external(KeySpec spec, String origin) {
    if (origin == null || "kms".equals(origin)) {
      return false;
    }
    if (!"external".equals(origin)) {
      throw KmsException.invalid("origin");
    }
    // Symmetric and asymmetric material can be imported (docs/key-import.md); HMAC keys cannot.
    if (spec.isHmac()) {
      throw new KmsException(ErrorCode.HMAC_NOT_SUPPORTED, "HMAC keys cannot be imported.");
    }
    return true;
  }
}
