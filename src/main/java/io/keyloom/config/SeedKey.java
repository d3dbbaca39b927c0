package io.keyloom.config;

import io.keyloom.crypto.GivenMaterial;
import io.keyloom.crypto.KeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer master key declared in a seed file, inside its project (docs/seed-keys.md). Every
 * field is checked when the file is read, before anything is written: the id, alias, spec, usage
 * and state rules of create-key, and given material against the spec.
 *
 * @param id the key id, a lowercase UUID as Huawei's key ids are; required
 * @param alias the key alias, create-key's rule; required
 * @param spec the key spec, {@code AES_256} when absent
 * @param usage the key usage, create-key's default for the spec when absent
 * @param description the description, empty when absent
 * @param state {@code Enabled} (when absent) or {@code Disabled}
 * @param material the key material, or null for material generated at the first start
 * @param rotation automatic rotation (symmetric keys only), or null to leave it as the API set it
 * @param versions the material of versions 1..n, oldest first, the last one current (symmetric keys
 *     only, instead of {@code material}), or null
 */
public record SeedKey(
    String id,
    String alias,
    String spec,
    String usage,
    String description,
    String state,
    SeedMaterial material,
    SeedRotation rotation,
    List<SeedMaterial> versions) {
  static final Pattern ID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  // create-key's rule (kms NewKey.alias); SeedKeyTest pins the two together.
  static final Pattern ALIAS = Pattern.compile("^[a-zA-Z0-9:/_-]{1,255}$");
  static final int MAX_DESCRIPTION = 255;
  static final String ENABLED = "Enabled";
  static final String DISABLED = "Disabled";
  static final String ENCRYPT = "ENCRYPT_DECRYPT";
  static final String SIGN = "SIGN_VERIFY";
  static final String MAC = "GENERATE_VERIFY_MAC";

  /** Checks every field and fills in the defaults. */
  public SeedKey {
    if (id == null || !ID.matcher(id).matches()) {
      throw new SeedFieldException(
          "id", "key id must be a lowercase UUID (8-4-4-4-12 hex digits), as Huawei key ids are");
    }
    if (alias == null || !ALIAS.matcher(alias).matches() || alias.endsWith("/default")) {
      throw new SeedFieldException(
          "alias",
          "key alias must be 1-255 characters from a-z A-Z 0-9 : / _ -, not ending in /default");
    }
    KeySpec keySpec = spec(spec == null ? KeySpec.AES_256.name() : spec);
    spec = keySpec.name();
    usage = usage(keySpec, usage);
    description = description == null ? "" : description;
    if (description.length() > MAX_DESCRIPTION) {
      throw new SeedFieldException(
          "description", "key description is longer than " + MAX_DESCRIPTION + " characters");
    }
    state = state(state);
    if (material != null) {
      checkMaterial(keySpec, "material", material);
    }
    versions = SeedVersions.check(keySpec, material, rotation, versions);
  }

  /** The spec as a value. */
  public KeySpec keySpec() {
    return KeySpec.valueOf(spec);
  }

  /** Whether the declared state is {@code Enabled}. */
  public boolean enabled() {
    return ENABLED.equals(state);
  }

  private static KeySpec spec(String name) {
    return Arrays.stream(KeySpec.values())
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new SeedFieldException(
                    "spec", "unknown key spec (known: " + Arrays.toString(KeySpec.values()) + ")"));
  }

  private static String usage(KeySpec spec, String usage) {
    if (usage == null) {
      return switch (spec.kind()) {
        case SYMMETRIC -> ENCRYPT;
        case ASYMMETRIC -> SIGN;
        case HMAC -> MAC;
      };
    }
    if (!usage.equals(ENCRYPT) && !usage.equals(SIGN) && !usage.equals(MAC)) {
      throw new SeedFieldException(
          "usage", "unknown key usage (known: " + ENCRYPT + ", " + SIGN + ", " + MAC + ")");
    }
    if (spec.isHmac() != usage.equals(MAC)) {
      throw new SeedFieldException(
          "usage",
          spec.isHmac() ? spec + " keys can only be " + MAC : MAC + " needs an HMAC key spec");
    }
    if (spec.isSymmetric() && usage.equals(SIGN)) {
      throw new SeedFieldException("usage", spec + " keys can only be " + ENCRYPT);
    }
    if (spec.isEcdsa() && usage.equals(ENCRYPT)) {
      throw new SeedFieldException("usage", spec + " keys can only be " + SIGN);
    }
    return usage;
  }

  private static String state(String state) {
    if (state == null || state.toLowerCase(Locale.ROOT).equals("enabled")) {
      return ENABLED;
    }
    if (state.toLowerCase(Locale.ROOT).equals("disabled")) {
      return DISABLED;
    }
    throw new SeedFieldException(
        "state", "unknown key state (known: " + ENABLED + ", " + DISABLED + ")");
  }

  static void checkMaterial(KeySpec spec, String field, SeedMaterial material) {
    if (spec.hasRawMaterial() == material.isPem()) {
      throw new SeedFieldException(
          field,
          spec.hasRawMaterial()
              ? spec + " material must be the Base64 of the raw key, not a PEM block"
              : spec + " material must be a PKCS#8 PEM block (-----BEGIN PRIVATE KEY-----)");
    }
    try {
      GivenMaterial.check(spec, material.bytes());
    } catch (GeneralSecurityException e) {
      // GivenMaterial's messages describe the key's shape, never its bytes.
      throw new SeedFieldException(
          field, "key material does not suit " + spec + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "SeedKey[id=" + id + ", alias=" + alias + ", spec=" + spec + ", material=REDACTED]";
  }
}
