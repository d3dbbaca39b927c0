package io.keyloom.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The signing keys of one kind of token, by id (kid): tokens are made under the {@link #current}
 * key and name its kid, and open under whichever key they name, so keys can rotate while tokens
 * issued under the previous key stay valid until they expire (docs/root-of-trust.md).
 */
public interface ServiceKeys {
  /** A key and its id; the bytes never show in {@link #toString}. */
  record Key(String kid, SecretBytes bytes) {
    @Override
    public String toString() {
      return "Key[kid=" + kid + ", bytes=REDACTED]";
    }
  }

  /** The key new tokens are made under. */
  Key current();

  /** The key named {@code kid}, if it exists (an unknown or deleted kid is empty). */
  Optional<Key> find(String kid);

  /** One fixed key, for tests and tools. */
  static ServiceKeys fixed(String kid, SecretBytes bytes) {
    Key key = new Key(kid, bytes);
    return new ServiceKeys() {
      @Override
      public Key current() {
        return key;
      }

      @Override
      public Optional<Key> find(String id) {
        return kid.equals(id) ? Optional.of(key) : Optional.empty();
      }
    };
  }

  /** The associated data a key of {@code purpose} named {@code kid} is wrapped with. */
  static byte[] wrapAad(String purpose, String kid) {
    return ("keyloom service key v1|" + purpose + "|" + kid).getBytes(StandardCharsets.UTF_8);
  }
}
