package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.it.TestCa;
import io.keyloom.it.TestCa.KeyFormat;
import io.keyloom.it.TestCa.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code --tls-cert/--tls-key} accept, and the one-line start errors for everything else. */
class PemKeyStoreTest {
  static TestCa ca;

  @BeforeAll
  static void createCa() {
    ca = TestCa.create();
  }

  @AfterAll
  static void deleteKeys() {
    ca.close();
  }

  @ParameterizedTest
  @CsvSource({"RSA_2048, PKCS8", "RSA_2048, TRADITIONAL", "EC_P256, PKCS8", "EC_P256, TRADITIONAL"})
  void load_acceptsRsaAndEcKeysInPkcs8AndOpenSslTraditionalPem(KeyType type, KeyFormat format) {
    KeyManagerFactory keys = PemKeyStore.load(ca.writeServer(type, format));
    X509KeyManager manager = (X509KeyManager) keys.getKeyManagers()[0];
    String alias = manager.chooseServerAlias(type == KeyType.EC_P256 ? "EC" : "RSA", null, null);
    assertThat(manager.getCertificateChain(alias)).as("server certificate, then the CA").hasSize(2);
  }

  @Test
  void onlyOneOfTheTwoFlags_stopsTheStart() {
    Path p = Path.of("x.pem");
    assertThat(TlsSettings.of(null, null)).isEmpty();
    assertThatThrownBy(() -> TlsSettings.of(p, null))
        .hasMessage("--tls-cert and --tls-key must be given together");
    assertThatThrownBy(() -> TlsSettings.of(null, p))
        .hasMessage("--tls-cert and --tls-key must be given together");
  }

  @Test
  void missingOrUnreadableFile_isNamed() throws Exception {
    TlsSettings good = ca.writeServer(KeyType.EC_P256, KeyFormat.PKCS8);
    Path missing = good.certFile().resolveSibling("nope.pem");
    assertThatThrownBy(() -> PemKeyStore.load(new TlsSettings(missing, good.keyFile())))
        .hasMessage("--tls-cert " + missing + " is not a readable file");
    assertThatThrownBy(
            () -> PemKeyStore.load(new TlsSettings(good.certFile(), good.certFile().getParent())))
        .hasMessageContaining("is not a readable file");
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(good.keyFile(), PosixFilePermissions.fromString("---------"));
      assertThatThrownBy(() -> PemKeyStore.load(good)).hasMessageContaining("--tls-key");
    }
  }

  @Test
  void garbageKeyFile_isRefusedWithoutQuotingItsContents() throws Exception {
    TlsSettings good = ca.writeServer(KeyType.EC_P256, KeyFormat.PKCS8);
    String secret = "SECRET-" + Base64.getEncoder().encodeToString(new byte[24]);
    for (String text :
        new String[] {
          secret,
          "-----BEGIN PRIVATE KEY-----\n" + secret + "\n-----END PRIVATE KEY-----\n",
          "-----BEGIN PRIVATE KEY-----\nMIIB" + secret + "\n-----END PRIVATE KEY-----\n",
          "-----BEGIN PRIVATE KEY-----\n" + secret + "\n"
        }) {
      Files.writeString(good.keyFile(), text);
      assertThatThrownBy(() -> PemKeyStore.load(good))
          .hasMessageStartingWith("--tls-key " + good.keyFile())
          .hasMessageNotContaining("SECRET")
          .hasNoCause();
    }
  }

  @Test
  void certificateFileWithoutCertificate_isRefused() throws Exception {
    TlsSettings good = ca.writeServer(KeyType.EC_P256, KeyFormat.PKCS8);
    Files.writeString(good.certFile(), Files.readString(good.keyFile()));
    assertThatThrownBy(() -> PemKeyStore.load(good))
        .hasMessage(
            "--tls-cert "
                + good.certFile()
                + " holds no PEM certificate (-----BEGIN"
                + " CERTIFICATE-----)");
  }

  @Test
  void encryptedKey_isRefusedWithAHint() throws Exception {
    TlsSettings good = ca.writeServer(KeyType.EC_P256, KeyFormat.PKCS8);
    Files.writeString(
        good.keyFile(),
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjAp\n"
            + "-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThatThrownBy(() -> PemKeyStore.load(good)).hasMessageContaining("is encrypted");
  }

  @Test
  void keyOfAnotherCertificate_isRefused() throws Exception {
    TlsSettings first = ca.writeServer(KeyType.EC_P256, KeyFormat.PKCS8);
    TlsSettings second = ca.writeServer(KeyType.EC_P256, KeyFormat.PKCS8);
    assertThatThrownBy(() -> PemKeyStore.load(new TlsSettings(first.certFile(), second.keyFile())))
        .hasMessage("--tls-key does not belong to the first certificate in --tls-cert");
    TlsSettings rsa = ca.writeServer(KeyType.RSA_2048, KeyFormat.PKCS8);
    assertThatThrownBy(() -> PemKeyStore.load(new TlsSettings(first.certFile(), rsa.keyFile())))
        .hasMessage("--tls-key does not belong to the first certificate in --tls-cert");
  }

  @Test
  void rsaKeyBelow2048Bits_isRefused() {
    TlsSettings weak = ca.writeServer(KeyType.RSA_1024, KeyFormat.TRADITIONAL);
    assertThatThrownBy(() -> PemKeyStore.load(weak)).hasMessageContaining("below 2048 bits");
  }

  @Test
  void twoKeysInTheKeyFile_areRefused() throws Exception {
    TlsSettings good = ca.writeServer(KeyType.EC_P256, KeyFormat.PKCS8);
    String key = Files.readString(good.keyFile());
    Files.writeString(good.keyFile(), key + key);
    assertThatThrownBy(() -> PemKeyStore.load(good))
        .hasMessageContaining("must hold exactly one PEM private key");
  }
}
