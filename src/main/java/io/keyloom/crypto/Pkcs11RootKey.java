package io.keyloom.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.ServiceLoader;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A root key held by an HSM through PKCS#11: a non-extractable AES key found by its label on the
 * token with a given label. Sealing and opening run inside the HSM (AES/GCM/NoPadding through the
 * JDK's SunPKCS11 provider, configured here and never registered), so the key's bytes never reach
 * this process. Its id is {@code pkcs11:} token label {@code /} key label (docs/root-of-trust.md).
 */
public final class Pkcs11RootKey implements RootKeyProvider {
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Provider provider;
  private final SecretKey key;
  private final String id;
  private final SecureRandom random = new SecureRandom();

  private Pkcs11RootKey(Provider provider, SecretKey key, String id) {
    this.provider = provider;
    this.key = key;
    this.id = id;
  }

  /**
   * Logs in to the token labelled {@code token} of {@code library} with {@code pin} and finds the
   * AES key labelled {@code keyLabel}. The PIN is cleared afterwards and appears in no message.
   *
   * @throws IllegalArgumentException with a one-line reason when any of it fails
   */
  public static Pkcs11RootKey open(Path library, String token, String keyLabel, char[] pin) {
    if (!Files.isRegularFile(library) || !Files.isReadable(library)) {
      throw new IllegalArgumentException("--pkcs11-library " + library + ": no readable file");
    }
    long slot = Pkcs11Slots.find(library, token);
    Provider provider = sunPkcs11(library, slot);
    try {
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, pin);
      Key key = store.getKey(keyLabel, null);
      return new Pkcs11RootKey(provider, checked(key, token, keyLabel), id(token, keyLabel));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot log in to the PKCS#11 token '" + token + "': wrong KEYLOOM_PKCS11_PIN?");
    } catch (GeneralSecurityException | ProviderException e) {
      throw new IllegalArgumentException(
          "cannot read the key '" + keyLabel + "' of the PKCS#11 token '" + token + "'");
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private static SecretKey checked(Key key, String token, String keyLabel) {
    if (!(key instanceof SecretKey secret) || !"AES".equals(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          "no AES key labelled '" + keyLabel + "' on the PKCS#11 token '" + token + "'");
    }
    if (secret.getEncoded() != null) {
      throw new IllegalArgumentException(
          "the PKCS#11 key '"
              + keyLabel
              + "' is extractable: a root key must be sensitive and non-extractable");
    }
    return secret;
  }

  private static String id(String token, String keyLabel) {
    String id = ("pkcs11:" + token + "/" + keyLabel).replaceAll("[^A-Za-z0-9._:/-]", "_");
    return id.length() > 64 ? id.substring(0, 64) : id;
  }

  private static Provider sunPkcs11(Path library, long slot) {
    String config =
        "--name=keyloom\nlibrary = \"" + library.toAbsolutePath() + "\"\nslot = " + slot + "\n";
    for (Provider p : ServiceLoader.load(Provider.class)) {
      if ("SunPKCS11".equals(p.getName())) {
        return p.configure(config);
      }
    }
    throw new IllegalArgumentException("this JVM has no SunPKCS11 provider");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public byte[] seal(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plaintext, associatedData);
    byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return out;
  }

  @Override
  public byte[] open(byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new AEADBadTagException("unwrap failed");
    }
    byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
    byte[] body = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
    return run(Cipher.DECRYPT_MODE, nonce, body, associatedData);
  }

  private byte[] run(int mode, byte[] nonce, byte[] input, byte[] associatedData)
      throws GeneralSecurityException {
    try {
      Cipher cipher = Cipher.getInstance(CIPHER, provider);
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new AEADBadTagException("unwrap failed");
    } catch (ProviderException e) {
      throw new GeneralSecurityException("the HSM refused the operation");
    }
  }

  @Override
  public String toString() {
    return "Pkcs11RootKey(" + id + ")";
  }
}
