package io.keyloom.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;

/**
 * Seals key material under the root key for storage, with the caller's associated data binding the
 * owner (the service passes key id ‖ version), so a wrapped blob moved to another row no longer
 * opens. The sealing itself is the {@link RootKeyProvider}'s (AES-256-GCM, in an HSM for PKCS#11).
 *
 * <p>Every new blob names the root key that sealed it: {@code 0x02} ‖ id length (1 byte) ‖ id
 * (ASCII) ‖ the provider's nonce ‖ ciphertext ‖ tag; the format byte, the id and the caller's data
 * are all authenticated (GCM associated data). Blobs of versions before ids, {@code 0x01} ‖ nonce ‖
 * ciphertext ‖ tag, name no key: they are the data dir's file key's, and open only through the
 * {@code legacy} provider (docs/root-of-trust.md).
 */
public final class KeyWrapper {
  static final byte FORMAT_V1 = 0x01;
  static final byte FORMAT_V2 = 0x02;
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:/-]{1,64}$");

  private final RootKeyProvider active;
  private final Map<String, RootKeyProvider> byId = new LinkedHashMap<>();
  private final RootKeyProvider legacy;

  /**
   * A wrapper that seals under {@code active} and opens blobs of {@code active} and {@code others};
   * blobs without an id open under {@code legacy} (null: they never open).
   */
  public KeyWrapper(RootKeyProvider active, List<RootKeyProvider> others, RootKeyProvider legacy) {
    this.active = active;
    for (RootKeyProvider p : concat(active, others)) {
      if (!ID.matcher(p.id()).matches()) {
        throw new IllegalArgumentException("invalid root key id: " + p.id());
      }
      byId.putIfAbsent(p.id(), p);
    }
    this.legacy = legacy;
  }

  private static List<RootKeyProvider> concat(RootKeyProvider first, List<RootKeyProvider> rest) {
    List<RootKeyProvider> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** The id of the root key new blobs are sealed under. */
  public String activeId() {
    return active.id();
  }

  /** Wraps {@code material}, binding {@code associatedData}; returns bytes safe to store. */
  public byte[] wrap(SecretBytes material, byte[] associatedData) throws GeneralSecurityException {
    byte[] header = header(active.id());
    byte[] plain = material.toByteArray();
    try {
      byte[] sealed = active.seal(plain, boundData(header, associatedData));
      byte[] out = Arrays.copyOf(header, header.length + sealed.length);
      System.arraycopy(sealed, 0, out, header.length, sealed.length);
      return out;
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Unwraps bytes from {@link #wrap}; throws if they or {@code associatedData} were changed. */
  public SecretBytes unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
    if (wrapped == null || wrapped.length < 2) {
      throw new AEADBadTagException("unwrap failed");
    }
    byte[] header;
    RootKeyProvider provider;
    if (wrapped[0] == FORMAT_V1) {
      header = new byte[] {FORMAT_V1};
      provider = legacy;
    } else if (wrapped[0] == FORMAT_V2 && wrapped.length > 2 + wrapped[1] && wrapped[1] > 0) {
      header = Arrays.copyOf(wrapped, 2 + wrapped[1]);
      provider = byId.get(new String(header, 2, wrapped[1], StandardCharsets.US_ASCII));
    } else {
      throw new AEADBadTagException("unwrap failed");
    }
    if (provider == null) {
      throw new AEADBadTagException("unwrap failed: sealed under a root key this node lacks");
    }
    byte[] sealed = Arrays.copyOfRange(wrapped, header.length, wrapped.length);
    byte[] plain = provider.open(sealed, boundData(header, associatedData));
    try {
      return SecretBytes.copyOf(plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * The id of the root key that sealed {@code wrapped}; empty for a legacy blob (the data dir's
   * file key) or bytes that are no blob.
   */
  public static Optional<String> rootKeyId(byte[] wrapped) {
    if (wrapped == null || wrapped.length < 3 || wrapped[0] != FORMAT_V2) {
      return Optional.empty();
    }
    int n = wrapped[1];
    if (n <= 0 || wrapped.length < 2 + n) {
      return Optional.empty();
    }
    return Optional.of(new String(wrapped, 2, n, StandardCharsets.US_ASCII));
  }

  private static byte[] header(String id) {
    byte[] ascii = id.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[ascii.length + 2];
    out[0] = FORMAT_V2;
    out[1] = (byte) ascii.length;
    System.arraycopy(ascii, 0, out, 2, ascii.length);
    return out;
  }

  private static byte[] boundData(byte[] header, byte[] associatedData) {
    byte[] ad = associatedData == null ? new byte[0] : associatedData;
    byte[] out = Arrays.copyOf(header, header.length + ad.length);
    System.arraycopy(ad, 0, out, header.length, ad.length);
    return out;
  }
}
