package io.keyloom.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The private-key half of {@link PemKeyStore}: the three unencrypted PEM encodings OpenSSL writes
 * ({@code PRIVATE KEY} = PKCS#8, {@code RSA PRIVATE KEY} = PKCS#1, {@code EC PRIVATE KEY} = SEC 1),
 * RSA of at least 2048 bits and EC on a named curve.
 */
final class PemPrivateKeys {
  /** NIST SP 800-57 / BSI TR-02102: RSA below 2048 bits no longer gives 112-bit security. */
  static final int MIN_RSA_BITS = 2048;

  private static final String FORMATS =
      "PRIVATE KEY (PKCS#8), RSA PRIVATE KEY or EC PRIVATE KEY, unencrypted";

  private PemPrivateKeys() {}

  /** The one private key among {@code objects} (other blocks such as EC PARAMETERS are skipped). */
  static PrivateKey parse(List<PemObject> objects, Path file) {
    List<PemObject> keys =
        objects.stream().filter(o -> o.getType().endsWith("PRIVATE KEY")).toList();
    if (keys.size() != 1) {
      throw new IllegalArgumentException(
          "--tls-key " + file + " must hold exactly one PEM private key (" + FORMATS + ")");
    }
    PemObject pem = keys.get(0);
    if (pem.getType().contains("ENCRYPTED") || !pem.getHeaders().isEmpty()) {
      throw new IllegalArgumentException(
          "--tls-key "
              + file
              + " is encrypted; decrypt it (openssl pkey -in KEY -out PLAIN) and protect the file"
              + " with its permissions");
    }
    PrivateKey key;
    try {
      key = toKey(pem);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--tls-key " + file + " holds no usable private key (" + FORMATS + ", RSA or EC)");
    }
    checkStrength(key, file);
    return key;
  }

  private static PrivateKey toKey(PemObject pem) throws IOException, GeneralSecurityException {
    PrivateKeyInfo info =
        switch (pem.getType()) {
          case "PRIVATE KEY" -> PrivateKeyInfo.getInstance(pem.getContent());
          case "RSA PRIVATE KEY" ->
              new PrivateKeyInfo(
                  new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                  RSAPrivateKey.getInstance(pem.getContent()));
          case "EC PRIVATE KEY" -> {
            ECPrivateKey sec1 = ECPrivateKey.getInstance(pem.getContent());
            yield new PrivateKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()),
                sec1);
          }
          default -> throw new GeneralSecurityException("unsupported PEM type");
        };
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String algorithm;
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      algorithm = "RSA";
    } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      algorithm = "EC";
    } else {
      throw new GeneralSecurityException("unsupported key algorithm");
    }
    return KeyFactory.getInstance(algorithm)
        .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
  }

  private static void checkStrength(PrivateKey key, Path file) {
    if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw new IllegalArgumentException(
          "--tls-key " + file + " is an RSA key below " + MIN_RSA_BITS + " bits");
    }
    if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
      throw new IllegalArgumentException("--tls-key " + file + " is an EC key below 256 bits");
    }
  }

  /**
   * Proves that {@code key} belongs to the certificate by signing and verifying a fixed message: a
   * mismatch would otherwise surface only as every client's handshake failing.
   */
  static void checkPair(PrivateKey key, X509Certificate certificate) {
    PublicKey publicKey = certificate.getPublicKey();
    String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    byte[] message = "keyloom tls key check".getBytes(StandardCharsets.US_ASCII);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(message);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(message);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new IllegalArgumentException(
          "--tls-key does not belong to the first certificate in --tls-cert");
    }
  }
}
