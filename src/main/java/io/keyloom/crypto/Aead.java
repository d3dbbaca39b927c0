package io.keyloom.crypto;

import java.security.GeneralSecurityException;

/**
 * Authenticated encryption with associated data (AEAD), shaped like Tink's {@code Aead}.
 *
 * <h2>Security contract</h2>
 *
 * <ul>
 *   <li><b>Confidentiality and integrity</b> of the plaintext against adaptive chosen-ciphertext
 *       attacks (IND-CCA2), and <b>authenticity</b> of the associated data: {@link #decrypt}
 *       returns the original plaintext only if the ciphertext and the associated data are exactly
 *       those produced and passed to {@link #encrypt}; otherwise it throws.
 *   <li>The associated data is authenticated but <b>not</b> encrypted and is not part of the
 *       output; the caller must supply the same bytes again to decrypt. {@code null} means empty.
 *   <li>Encryption is randomised: encrypting the same plaintext twice gives different ciphertexts.
 *       The output reveals the plaintext length.
 *   <li>No guarantee of key commitment (a ciphertext may decrypt under two different keys) and none
 *       against replay; callers needing either must add them.
 *   <li>Failures never reveal why decryption failed; the exception message is fixed and never
 *       contains key material or plaintext.
 * </ul>
 */
public interface Aead {
  /** Encrypts {@code plaintext}, binding {@code associatedData}; returns a fresh ciphertext. */
  byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException;

  /** Decrypts and authenticates {@code ciphertext}; throws if it or the associated data differ. */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException;
}
