package io.keyloom.kms;

import io.keyloom.crypto.ImportTokens;
import io.keyloom.crypto.MaterialCheck;
import io.keyloom.crypto.RootKey;
import io.keyloom.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The keys of BYOK import, each derived from the root key for its own purpose (docs/key-import.md):
 * the import-token sealing key and the material check key.
 *
 * @param tokens seals and opens import tokens
 * @param checks computes check values of imported material
 * @param random draws wrapping keys
 */
public record ImportSecrets(ImportTokens tokens, MaterialCheck checks, SecureRandom random) {
  /** The import keys of this root key. */
  public static ImportSecrets fromRootKey(RootKey rootKey, SecureRandom random)
      throws GeneralSecurityException {
    SecretBytes tokenKey = rootKey.deriveKey(ImportTokens.KEY_PURPOSE, ImportTokens.KEY_BYTES);
    SecretBytes checkKey = rootKey.deriveKey(MaterialCheck.KEY_PURPOSE, MaterialCheck.KEY_BYTES);
    try {
      return new ImportSecrets(new ImportTokens(tokenKey), new MaterialCheck(checkKey), random);
    } finally {
      tokenKey.destroy();
      checkKey.destroy();
    }
  }
}
