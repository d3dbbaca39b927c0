package io.keyloom.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Key wrap with padding (RFC 5649, alternative IV {@code A65959A6}) over a 128-bit block cipher:
 * how an imported asymmetric private key arrives, wrapped by the importer's temporary key ({@code
 * id-aes256-wrap-pad}, {@code openssl enc -id-aes256-wrap-pad}, or SM4 for SM2 keys). Unwrapping
 * checks the integrity value and the padding; any failure is one fixed message.
 */
public enum KeyWrapPad {
  /** AES-128 or AES-256 key wrap with padding. */
  AES,
  /** SM4 key wrap with padding (the SM4 block cipher in the RFC 5649 construction). */
  SM4;

  /** Whether a temporary key of {@code bytes} bytes suits this cipher (AES 16/32, SM4 16). */
  public boolean acceptsKeyLength(int bytes) {
    return this == SM4 ? bytes == 16 : bytes == 16 || bytes == 32;
  }

  /** Wraps {@code plain} under {@code kek}; for tests and tools that act as the importer. */
  public byte[] wrap(SecretBytes kek, byte[] plain) throws GeneralSecurityException {
    RFC5649WrapEngine engine = engine(kek, true);
    return engine.wrap(plain, 0, plain.length);
  }

  /** Unwraps {@code wrapped} under {@code kek}; throws on a wrong key, tampering or bad length. */
  public SecretBytes unwrap(SecretBytes kek, byte[] wrapped) throws GeneralSecurityException {
    RFC5649WrapEngine engine = engine(kek, false);
    byte[] plain = null;
    try {
      plain = engine.unwrap(wrapped, 0, wrapped.length);
      return SecretBytes.copyOf(plain);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new BadPaddingException("unwrap failed");
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  private RFC5649WrapEngine engine(SecretBytes kek, boolean forWrapping)
      throws InvalidKeyException {
    if (!acceptsKeyLength(kek.size())) {
      throw new InvalidKeyException(this + " key wrap needs a 16 or 32-byte key");
    }
    BlockCipher cipher = this == SM4 ? new SM4Engine() : AESEngine.newInstance();
    RFC5649WrapEngine engine = new RFC5649WrapEngine(cipher);
    byte[] raw = kek.toByteArray();
    try {
      engine.init(forWrapping, new KeyParameter(raw));
      return engine;
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }
}
