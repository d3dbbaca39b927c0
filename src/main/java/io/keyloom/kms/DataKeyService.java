package io.keyloom.kms;

import io.keyloom.crypto.CiphertextBlob;
import io.keyloom.crypto.DataKeyDigest;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.DatakeyRequests;
import io.keyloom.kms.api.DatakeyResponses;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Data keys (create-datakey, create-datakey-without-plaintext, encrypt-datakey, decrypt-datakey)
 * and gen-random. All values travel as hex (docs/data-keys.md).
 *
 * <p>A data-key ciphertext is the symmetric envelope of encrypt-data (docs/ciphertext-format.md)
 * around the bare DEK, sealed with associated data in a domain of its own ({@link
 * AssociatedData#forDataKey}). Every failure to open one, whatever the cause, is the same {@code
 * KMS.2201}. Keys are held in {@link SecretBytes}; temporary arrays are zeroed.
 */
public final class DataKeyService {
  static final int MAX_DATAKEY_BYTES = 1024;
  private static final int DEFAULT_DATAKEY_BYTES = 32;
  private static final int ENVELOPE_OVERHEAD = 140;

  private final KeyCache cache;
  private final SecureRandom random;

  /** A service over the key cache, drawing data keys and random bytes from {@code random}. */
  public DataKeyService(KeyCache cache, SecureRandom random) {
    this.cache = cache;
    this.random = random;
  }

  /** A new data key, returned in plaintext and wrapped under the CMK. */
  public DatakeyResponses.CreateDatakey create(Project project, DatakeyRequests.CreateDatakey r) {
    Created created = createKey(project, r, true);
    return new DatakeyResponses.CreateDatakey(
        created.keyId(), created.plainText(), created.cipherText());
  }

  /** A new data key, returned only wrapped under the CMK. */
  public DatakeyResponses.CreateDatakeyWithoutPlaintext createWithoutPlaintext(
      Project project, DatakeyRequests.CreateDatakey r) {
    Created created = createKey(project, r, false);
    return new DatakeyResponses.CreateDatakeyWithoutPlaintext(
        created.keyId(), created.cipherText());
  }

  private record Created(String keyId, String plainText, String cipherText) {}

  private Created createKey(
      Project project, DatakeyRequests.CreateDatakey r, boolean withPlaintext) {
    Params.sequence(r.sequence());
    String keyId = cache.keyId(project, r.keyId());
    int length = dataKeyLength(r.keySpec(), r.datakeyLength());
    byte[] aad = AssociatedData.forDataKey(r.encryptionContext(), r.additionalAuthenticatedData());
    GrantOperation op =
        withPlaintext
            ? GrantOperation.CREATE_DATAKEY
            : GrantOperation.CREATE_DATAKEY_WITHOUT_PLAINTEXT;
    LoadedKey key = cache.use(project, keyId, op).requireDataKeyWrapping();
    byte[] dek = new byte[length];
    try {
      random.nextBytes(dek);
      String cipherText = Params.hex(seal(key, dek, aad));
      return new Created(key.keyId(), withPlaintext ? Params.hex(dek) : null, cipherText);
    } finally {
      Arrays.fill(dek, (byte) 0);
    }
  }

  /** Bytes of the new key: datakey_length wins over key_spec; neither means 256 bits. */
  private static int dataKeyLength(String keySpec, String datakeyLength) {
    int bySpec = DEFAULT_DATAKEY_BYTES;
    if (keySpec != null && !keySpec.isEmpty()) {
      bySpec =
          DataKeySpec.parse(keySpec)
              .orElseThrow(() -> new KmsException(ErrorCode.INVALID_DATAKEY_SPEC))
              .bytes();
    }
    if (datakeyLength == null || datakeyLength.isEmpty()) {
      return bySpec;
    }
    return Params.bitsAsBytes(
        datakeyLength, ErrorCode.INVALID_DATAKEY_LENGTH, ErrorCode.DATAKEY_LENGTH_NOT_BYTES);
  }

  /** Wraps a caller's DEK after checking the digest that follows it in plain_text. */
  public DatakeyResponses.EncryptDatakey encrypt(
      Project project, DatakeyRequests.EncryptDatakey r) {
    Params.sequence(r.sequence());
    String keyId = cache.keyId(project, r.keyId());
    String text = Params.required(r.plainText(), "plain_text");
    int length = plainLength(r.datakeyPlainLength());
    byte[] aad = AssociatedData.forDataKey(r.encryptionContext(), r.additionalAuthenticatedData());
    byte[] input = Params.hex(text, ErrorCode.INVALID_DATAKEY_PLAINTEXT);
    byte[] dek = Arrays.copyOf(input, Math.min(length, input.length));
    SecretBytes secret = SecretBytes.copyOf(dek);
    try {
      if (input.length != length + DataKeyDigest.LENGTH) {
        throw new KmsException(ErrorCode.DATAKEY_PLAIN_LENGTH_MISMATCH);
      }
      LoadedKey key =
          cache.use(project, keyId, GrantOperation.ENCRYPT_DATAKEY).requireDataKeyWrapping();
      byte[] digest = Arrays.copyOfRange(input, length, input.length);
      if (!DataKeyDigest.matches(key.spec(), secret, digest)) {
        throw new KmsException(ErrorCode.DATAKEY_DIGEST_MISMATCH);
      }
      String cipherText = Params.hex(seal(key, dek, aad));
      return new DatakeyResponses.EncryptDatakey(key.keyId(), cipherText, Integer.toString(length));
    } finally {
      Arrays.fill(input, (byte) 0);
      Arrays.fill(dek, (byte) 0);
      secret.destroy();
    }
  }

  /** The DEK's byte length that encrypt-datakey's datakey_plain_length gives. */
  private static int plainLength(String datakeyPlainLength) {
    return Params.decimal(
        Params.required(datakeyPlainLength, "datakey_plain_length"),
        1,
        MAX_DATAKEY_BYTES,
        ErrorCode.INVALID_DATAKEY_PLAIN_LENGTH);
  }

  /** Unwraps a data key made by create-datakey(-without-plaintext) or encrypt-datakey. */
  public DatakeyResponses.DecryptDatakey decrypt(
      Project project, DatakeyRequests.DecryptDatakey r) {
    Params.sequence(r.sequence());
    String keyId = cache.keyId(project, r.keyId());
    String text = Params.required(r.cipherText(), "cipher_text");
    // Checked for range only: the DEK's length is authenticated inside the ciphertext, and Huawei's
    // own Encryption SDK sends "32" for every algorithm, 16-byte data keys included.
    Params.decimal(
        Params.required(r.datakeyCipherLength(), "datakey_cipher_length"),
        1,
        MAX_DATAKEY_BYTES,
        ErrorCode.INVALID_DATAKEY_CIPHER_LENGTH);
    byte[] aad = AssociatedData.forDataKey(r.encryptionContext(), r.additionalAuthenticatedData());
    CiphertextBlob blob = parse(text, keyId);
    LoadedKey key =
        cache.use(project, keyId, GrantOperation.DECRYPT_DATAKEY).requireDataKeyWrapping();
    byte[] dek = open(key, blob, aad);
    SecretBytes secret = SecretBytes.copyOf(dek);
    try {
      String digest = Params.hex(DataKeyDigest.of(key.spec(), secret));
      return new DatakeyResponses.DecryptDatakey(
          Params.hex(dek), Integer.toString(dek.length), digest);
    } finally {
      Arrays.fill(dek, (byte) 0);
      secret.destroy();
    }
  }

  /** {@code random_data_length} bits (8..8192, a multiple of 8) from the CSPRNG, as hex. */
  public DatakeyResponses.Random random(Project project, DatakeyRequests.GenRandom r) {
    Params.sequence(r.sequence());
    int length =
        Params.bitsAsBytes(
            Params.required(r.randomDataLength(), "random_data_length"),
            ErrorCode.INVALID_RANDOM_LENGTH,
            ErrorCode.RANDOM_LENGTH_NOT_BYTES);
    byte[] bytes = new byte[length];
    try {
      random.nextBytes(bytes);
      return new DatakeyResponses.Random(Params.hex(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private byte[] seal(LoadedKey key, byte[] dek, byte[] aad) {
    try {
      return cache.sealWithCurrentVersion(key, dek, aad);
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  private byte[] open(LoadedKey key, CiphertextBlob blob, byte[] aad) {
    if (blob.keyVersion() < 1 || blob.keyVersion() > key.row().currentVersion()) {
      throw badCiphertext();
    }
    try {
      return cache.symmetric(key, blob.keyVersion()).decrypt(blob, aad);
    } catch (GeneralSecurityException e) {
      throw badCiphertext();
    }
  }

  /** Hex, bounded before decoding, the envelope's structure and its key id: any fault is 2201. */
  private static CiphertextBlob parse(String text, String keyId) {
    if (text.length() > 2 * (MAX_DATAKEY_BYTES + ENVELOPE_OVERHEAD)) {
      throw badCiphertext();
    }
    CiphertextBlob blob;
    try {
      blob = CiphertextBlob.parse(Params.hex(text, ErrorCode.INVALID_DATAKEY_CIPHERTEXT));
    } catch (GeneralSecurityException e) {
      throw badCiphertext();
    }
    if (!blob.keyId().equals(keyId)) {
      throw badCiphertext();
    }
    return blob;
  }

  private static KmsException badCiphertext() {
    return new KmsException(ErrorCode.INVALID_DATAKEY_CIPHERTEXT);
  }
}
