package io.keyloom.kms;

import io.keyloom.crypto.DataKeyPair;
import io.keyloom.crypto.DataKeyPairSpec;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.DatakeyRequests;
import io.keyloom.kms.api.DatakeyResponses;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * create-rsa-datakey-pair and create-ec-datakey-pair: a fresh key pair whose private key is
 * returned sealed under a symmetric CMK and, unless {@code with_plain_text} is false, in plaintext.
 *
 * <p>Encodings (docs/data-keys.md): the public key is Base64 X.509 SubjectPublicKeyInfo DER, the
 * private key Base64 PKCS#8 DER, and {@code private_key_cipher_text} the Base64 encrypt-data
 * envelope of that PKCS#8 DER, so decrypt-data opens it and its {@code plain_text_base64} equals
 * {@code private_key_plain_text}.
 */
public final class KeyPairService {
  private final KeyCache cache;
  private final SecureRandom random;

  /** A service over the key cache, generating pairs with {@code random}. */
  public KeyPairService(KeyCache cache, SecureRandom random) {
    this.cache = cache;
    this.random = random;
  }

  /** An RSA_2048, RSA_3072 or RSA_4096 pair. */
  public DatakeyResponses.DatakeyPair createRsa(
      Project project, DatakeyRequests.CreateDatakeyPair r) {
    return create(project, r, true);
  }

  /** An ECC_NIST_P256/P384/P521, ECC_SECG_P256K1 or SM2 pair. */
  public DatakeyResponses.DatakeyPair createEc(
      Project project, DatakeyRequests.CreateDatakeyPair r) {
    return create(project, r, false);
  }

  private DatakeyResponses.DatakeyPair create(
      Project project, DatakeyRequests.CreateDatakeyPair r, boolean rsa) {
    Params.sequence(r.sequence());
    String keyId = Params.keyId(r.keyId());
    DataKeyPairSpec spec =
        DataKeyPairSpec.parse(Params.required(r.keySpec(), "key_spec"))
            .filter(s -> s.isRsa() == rsa)
            .orElseThrow(() -> KmsException.invalid("key_spec"));
    byte[] aad = AssociatedData.of(r.encryptionContext(), r.additionalAuthenticatedData());
    LoadedKey key = cache.get(project.id(), keyId).requireDataKeyWrapping();
    DataKeyPair pair = generate(spec);
    byte[] pkcs8 = pair.privateKeyPkcs8().toByteArray();
    try {
      byte[] sealed = cache.sealWithCurrentVersion(key, pkcs8, aad);
      Base64.Encoder b64 = Base64.getEncoder();
      return new DatakeyResponses.DatakeyPair(
          key.keyId(),
          spec.name(),
          b64.encodeToString(pair.publicKeyDer()),
          b64.encodeToString(sealed),
          Boolean.FALSE.equals(r.withPlainText()) ? null : b64.encodeToString(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
      pair.destroy();
    }
  }

  private DataKeyPair generate(DataKeyPairSpec spec) {
    try {
      return DataKeyPair.generate(spec, random);
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }
}
