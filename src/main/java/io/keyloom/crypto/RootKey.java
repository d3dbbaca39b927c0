package io.keyloom.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A file root key: 256 bits kept as a raw 32-byte file (mode 0600), in the data dir ({@code
 * root.key}, the default) or shared by several nodes ({@code --root-key-file}).
 *
 * <p>It seals with AES-256-GCM ({@link RootKeyProvider}); its id is {@code file:} and 16 hex digits
 * of an HMAC of a fixed label under the key, so blobs name it without revealing it. {@link
 * #deriveKey} (HKDF-SHA256) is what versions before the V8 migration used for their token and check
 * keys; it now only carries the check keys of such a data dir over, once (docs/root-of-trust.md). A
 * canary sealed at first start lets the server refuse to run with the wrong root key instead of
 * failing on every decrypt.
 */
public final class RootKey implements RootKeyProvider {
  private static final byte[] ID_LABEL = "keyloom root key id v1".getBytes(StandardCharsets.UTF_8);
  private static final String DERIVE_INFO_PREFIX = "keyloom/root/v1/";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final SecretBytes key;
  private final AesGcm aead;
  private final String id;
  private final KeyWrapper wrapper;

  private RootKey(SecretBytes key) throws GeneralSecurityException {
    this.key = key;
    this.aead = AesGcm.create(key);
    this.id = "file:" + fingerprint(key);
    this.wrapper = new KeyWrapper(this, java.util.List.of(), this);
  }

  private static String fingerprint(SecretBytes key) throws GeneralSecurityException {
    byte[] raw = key.toByteArray();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      byte[] out = mac.doFinal(ID_LABEL);
      return HexFormat.of().formatHex(out, 0, 8);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public byte[] seal(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    return aead.encrypt(plaintext, associatedData);
  }

  @Override
  public byte[] open(byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
    return aead.decrypt(sealed, associatedData);
  }

  /** Wraps existing key bytes; for tests and for root keys supplied from elsewhere. */
  static RootKey of(SecretBytes key) throws GeneralSecurityException {
    if (key.size() != CryptoParameters.ROOT_KEY_BYTES) {
      throw new GeneralSecurityException("root key must be 32 bytes");
    }
    return new RootKey(SecretBytes.copyOf(key.toByteArray()));
  }

  /**
   * Loads the root key from {@code file}, or creates it with {@link SecureRandom} and permissions
   * 0600 if it does not exist. Refuses a file that is not a regular file of exactly 32 bytes.
   * Creation never replaces a file that appears concurrently: the key is written to a temporary
   * file, synced, then hard-linked into place, and a racing winner's key is loaded instead.
   */
  public static RootKey loadOrCreate(Path file) throws IOException, GeneralSecurityException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      create(file);
    }
    return load(file);
  }

  private static RootKey load(Path file) throws IOException, GeneralSecurityException {
    if (!Files.isRegularFile(file) || Files.size(file) != CryptoParameters.ROOT_KEY_BYTES) {
      throw new IOException("root key file must be a regular file of 32 bytes: " + file);
    }
    byte[] raw = Files.readAllBytes(file);
    try {
      if (raw.length != CryptoParameters.ROOT_KEY_BYTES) {
        throw new IOException("root key file changed size while reading: " + file);
      }
      return new RootKey(SecretBytes.copyOf(raw));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    FileAttribute<Set<PosixFilePermission>> perms =
        PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    Path tmp = Files.createTempFile(dir, ".root-key", ".tmp", perms);
    byte[] raw = new byte[CryptoParameters.ROOT_KEY_BYTES];
    try {
      new SecureRandom().nextBytes(raw);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException raced) {
      // Another process created the key first; load() uses theirs.
    } finally {
      Arrays.fill(raw, (byte) 0);
      Files.deleteIfExists(tmp);
    }
  }

  /** Returns a wrapper that seals under this root key alone and also opens its legacy blobs. */
  public KeyWrapper wrapper() {
    return wrapper;
  }

  /**
   * Derives an independent {@code size}-byte sub-key for {@code purpose} (e.g. "token-signing")
   * with HKDF-SHA256, info = "keyloom/root/v1/" ‖ purpose. The same purpose always gives the same
   * key; different purposes give unrelated keys.
   */
  public SecretBytes deriveKey(String purpose, int size) {
    if (purpose == null || purpose.isEmpty()) {
      throw new IllegalArgumentException("purpose must not be empty");
    }
    byte[] info = (DERIVE_INFO_PREFIX + purpose).getBytes(StandardCharsets.UTF_8);
    byte[] ikm = key.toByteArray();
    byte[] out = null;
    try {
      out = Hkdf.derive(new SHA256Digest(), ikm, new byte[0], info, size);
      return SecretBytes.copyOf(out);
    } finally {
      Arrays.fill(ikm, (byte) 0);
      if (out != null) {
        Arrays.fill(out, (byte) 0);
      }
    }
  }

  /** Seals the fixed canary constant under this root key, for storage next to the data. */
  public byte[] newCanary() throws GeneralSecurityException {
    return RootCanary.seal(wrapper);
  }

  /** Returns true when {@code canary} was produced by {@link #newCanary()} under this root key. */
  public boolean checkCanary(byte[] canary) {
    return RootCanary.opens(wrapper, canary);
  }

  @Override
  public String toString() {
    return "RootKey(REDACTED)";
  }
}
