package io.keyloom.it;

import io.keyloom.config.TlsSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throw-away certificate authority made in the test (EC P-256), issuing server certificates for
 * 127.0.0.1 and localhost, and the client-side trust that accepts exactly this CA.
 */
public final class TestCa implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final KeyPair keys;
  private final X509Certificate certificate;
  private final List<Path> written = new CopyOnWriteArrayList<>();

  private TestCa(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /** The key types a server certificate can have. */
  public enum KeyType {
    RSA_2048,
    RSA_1024,
    EC_P256
  }

  /** How the private key is written: PKCS#8 or OpenSSL's traditional RSA/EC PRIVATE KEY. */
  public enum KeyFormat {
    PKCS8,
    TRADITIONAL
  }

  /** A server key pair and its certificate signed by the CA. */
  public record Issued(KeyPair keys, X509Certificate certificate) {}

  /** A new CA. */
  public static TestCa create() {
    KeyPair keys = generate(KeyType.EC_P256);
    X500Name name = new X500Name("CN=Keyloom Test CA " + RANDOM.nextInt(1_000_000));
    X509v3CertificateBuilder b = builder(name, name, keys);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestCa(keys, sign(b, keys));
  }

  /** Issues a server certificate for IP 127.0.0.1 and DNS localhost. */
  public Issued issue(KeyType type) {
    KeyPair server = generate(type);
    X509v3CertificateBuilder b =
        builder(new X500Name(certificate.getSubjectX500Principal().getName()), localhost(), server);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Issued(server, sign(b, keys));
  }

  /**
   * Issues a server certificate and writes {@code cert.pem} (server certificate, then the CA) and
   * {@code key.pem} into a new directory; returns them as TLS settings.
   */
  public TlsSettings writeServer(KeyType type, KeyFormat format) {
    Issued issued = issue(type);
    try {
      Path dir = Files.createTempDirectory("keyloom-tls");
      written.add(dir);
      Path cert = dir.resolve("cert.pem");
      Path key = dir.resolve("key.pem");
      Files.writeString(cert, pem(issued.certificate()) + pem(certificate));
      Files.writeString(key, privateKeyPem(issued.keys(), format));
      return new TlsSettings(cert, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes every directory {@link #writeServer} wrote: they hold private keys. */
  @Override
  public void close() {
    written.forEach(TempDirs::delete);
    written.clear();
  }

  /** The CA certificate in PEM. */
  public String caPem() {
    return pem(certificate);
  }

  /** A trust manager accepting exactly this CA. */
  public X509TrustManager trustManager() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", certificate);
      TrustManagerFactory f =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      return (X509TrustManager) f.getTrustManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client TLS context trusting exactly this CA. */
  public SSLContext clientContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, RANDOM);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM text of certificates, keys or other Bouncy Castle-writable objects. */
  public static String pem(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A private key in the given format ({@code PRIVATE KEY}, {@code RSA/EC PRIVATE KEY}). */
  public static String privateKeyPem(KeyPair keys, KeyFormat format) {
    try {
      if (format == KeyFormat.PKCS8) {
        return pem(new JcaPKCS8Generator(keys.getPrivate(), null));
      }
      return keys.getPrivate().getAlgorithm().equals("EC") ? sec1(keys) : pem(keys.getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code EC PRIVATE KEY} as {@code openssl ecparam -genkey} writes it: an {@code EC PARAMETERS}
   * block, then SEC 1 with the curve and public key inside (Bouncy Castle's writer leaves the curve
   * out, which neither OpenSSL nor Keyloom can read).
   */
  private static String sec1(KeyPair keys) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
    ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
    org.bouncycastle.asn1.sec.ECPrivateKey inner =
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            256,
            inner.getKey(),
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
            curve);
    return pem(
        new PemObject("EC PARAMETERS", curve.toASN1Primitive().getEncoded()),
        new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
  }

  /** A fresh key pair of the given type. */
  public static KeyPair generate(KeyType type) {
    try {
      if (type == KeyType.EC_P256) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(type == KeyType.RSA_1024 ? 1024 : 2048, RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X500Name localhost() {
    return new X500Name("CN=localhost");
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuerKeys) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
