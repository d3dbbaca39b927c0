package io.keyloom.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Loads {@link TlsSettings}' PEM files into the key managers a TLS server needs, and refuses at
 * start anything that would only fail later, at a client's handshake: an unreadable file, no
 * certificate, no or an encrypted key, a key that does not belong to the certificate, a weak key.
 *
 * <p>Messages name the flag and the file, never the files' contents.
 */
public final class PemKeyStore {
  private PemKeyStore() {}

  /** Reads, checks and returns the key managers for the server's certificate and key. */
  public static KeyManagerFactory load(TlsSettings tls) {
    List<X509Certificate> chain = certificates(tls.certFile());
    PrivateKey key = PemPrivateKeys.parse(objects("--tls-key", tls.keyFile()), tls.keyFile());
    PemPrivateKeys.checkPair(key, chain.get(0));
    try {
      // The store lives only in memory; its password protects nothing and is thrown away.
      char[] password = Base64.getEncoder().encodeToString(randomBytes()).toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("keyloom", key, password, chain.toArray(new Certificate[0]));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "--tls-key/--tls-cert: the key and certificate cannot be used for TLS ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (PemObject o : objects("--tls-cert", file)) {
        if (o.getType().equals("CERTIFICATE")) {
          chain.add(
              (X509Certificate)
                  factory.generateCertificate(new ByteArrayInputStream(o.getContent())));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("--tls-cert " + file + " holds an invalid certificate");
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(
          "--tls-cert " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return chain;
  }

  /** Every PEM object in a file; text around them (openssl's "Bag Attributes") is skipped. */
  static List<PemObject> objects(String flag, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(flag + " " + file + " is not a readable file");
    }
    List<PemObject> objects = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PemReader pem = new PemReader(in)) {
      for (PemObject o = pem.readPemObject(); o != null; o = pem.readPemObject()) {
        objects.add(o);
      }
    } catch (IOException | RuntimeException e) {
      // A library's message is not ours to vet, and the file holds key material: not shown.
      throw new IllegalArgumentException(flag + " " + file + " is not a valid PEM file");
    }
    return objects;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
