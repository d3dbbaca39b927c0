package io.keyloom.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.keyloom.crypto.SecretBytes;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Key material written in a seed file: standard Base64 of the raw key (AES_256, SM4, HMAC) or one
 * unencrypted PKCS#8 PEM block, {@code -----BEGIN PRIVATE KEY-----} (RSA, EC, SM2). Decoded when
 * read; whether it suits the key's spec is {@link SeedKey}'s check. Never printed.
 */
public final class SeedMaterial {
  private final SecretBytes bytes;
  private final boolean pem;

  private SeedMaterial(SecretBytes bytes, boolean pem) {
    this.bytes = bytes;
    this.pem = pem;
  }

  /** Decodes the YAML text; the message of a failure never quotes it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SeedMaterial of(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("key material is empty");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("-----BEGIN")) {
      return new SeedMaterial(pkcs8(trimmed), true);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "key material is neither standard Base64 nor a PEM block (-----BEGIN PRIVATE KEY-----)");
    }
    try {
      return new SeedMaterial(SecretBytes.copyOf(raw), false);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static SecretBytes pkcs8(String text) {
    PemObject object;
    try (PemReader reader = new PemReader(new StringReader(text))) {
      object = reader.readPemObject();
      if (object == null || reader.readPemObject() != null) {
        throw new IllegalArgumentException(
            "key material must be exactly one PEM block (-----BEGIN PRIVATE KEY-----)");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException mine && mine.getMessage().startsWith("key mat")) {
        throw mine;
      }
      // A library's message is not ours to vet, and the text is key material: not shown.
      throw new IllegalArgumentException("key material is not a valid PEM block");
    }
    if (!object.getType().equals("PRIVATE KEY") || !object.getHeaders().isEmpty()) {
      throw new IllegalArgumentException(
          "key material must be an unencrypted PKCS#8 PEM (-----BEGIN PRIVATE KEY-----), not "
              + object.getType()
              + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY");
    }
    byte[] der = object.getContent();
    try {
      return SecretBytes.copyOf(der);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** The decoded material: raw key bytes, or PKCS#8 DER when {@link #isPem()}. */
  public SecretBytes bytes() {
    return bytes;
  }

  /** Whether the text was a PEM block (else Base64). */
  public boolean isPem() {
    return pem;
  }

  @Override
  public String toString() {
    return "SeedMaterial(REDACTED)";
  }
}
