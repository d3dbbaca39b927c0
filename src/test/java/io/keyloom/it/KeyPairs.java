package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateEcDatakeyPairRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateEcDatakeyPairRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateEcDatakeyPairResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateRsaDatakeyPairRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateRsaDatakeyPairRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateRsaDatakeyPairResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Data key pairs through the official SDK, and their independent checks with the JCA: the JDK's
 * providers for RSA and the NIST curves, a Bouncy Castle provider instance (not registered) for
 * secp256k1 and SM2, which the JDK does not support.
 */
public final class KeyPairs {
  private static final Provider BC = new BouncyCastleProvider();

  /** The curve OID each EC spec must name in its SubjectPublicKeyInfo. */
  public static final Map<String, String> CURVE_OIDS =
      Map.of(
          "ECC_NIST_P256", "1.2.840.10045.3.1.7",
          "ECC_NIST_P384", "1.3.132.0.34",
          "ECC_NIST_P521", "1.3.132.0.35",
          "ECC_SECG_P256K1", "1.3.132.0.10",
          "SM2", "1.2.156.10197.1.301");

  private KeyPairs() {}

  /** One answer of either operation. */
  public record Pair(
      String keyId, String keySpec, String publicKey, String cipherText, String plainText) {
    public byte[] publicKeyDer() {
      return Base64.getDecoder().decode(publicKey);
    }

    public byte[] privateKeyDer() {
      return Base64.getDecoder().decode(plainText);
    }
  }

  /** create-rsa-datakey-pair; null arguments stay unset. */
  public static Pair rsa(
      KmsClient client, String keyId, String spec, Boolean withPlainText, String aad) {
    CreateRsaDatakeyPairRequestBody body =
        new CreateRsaDatakeyPairRequestBody()
            .withKeyId(keyId)
            .withWithPlainText(withPlainText)
            .withAdditionalAuthenticatedData(aad);
    if (spec != null) {
      body.withKeySpec(CreateRsaDatakeyPairRequestBody.KeySpecEnum.fromValue(spec));
    }
    CreateRsaDatakeyPairResponse r =
        client.createRsaDatakeyPair(new CreateRsaDatakeyPairRequest().withBody(body));
    return new Pair(
        r.getKeyId(),
        r.getKeySpec() == null ? null : r.getKeySpec().getValue(),
        r.getPublicKey(),
        r.getPrivateKeyCipherText(),
        r.getPrivateKeyPlainText());
  }

  /** create-ec-datakey-pair; null arguments stay unset. */
  public static Pair ec(
      KmsClient client, String keyId, String spec, Boolean withPlainText, String aad) {
    CreateEcDatakeyPairRequestBody body =
        new CreateEcDatakeyPairRequestBody()
            .withKeyId(keyId)
            .withWithPlainText(withPlainText)
            .withAdditionalAuthenticatedData(aad);
    if (spec != null) {
      body.withKeySpec(CreateEcDatakeyPairRequestBody.KeySpecEnum.fromValue(spec));
    }
    CreateEcDatakeyPairResponse r =
        client.createEcDatakeyPair(new CreateEcDatakeyPairRequest().withBody(body));
    return new Pair(
        r.getKeyId(),
        r.getKeySpec() == null ? null : r.getKeySpec().getValue(),
        r.getPublicKey(),
        r.getPrivateKeyCipherText(),
        r.getPrivateKeyPlainText());
  }

  /** The operation that serves {@code spec}. */
  public static Pair create(
      KmsClient client, String keyId, String spec, Boolean plain, String aad) {
    return spec.startsWith("RSA")
        ? rsa(client, keyId, spec, plain, aad)
        : ec(client, keyId, spec, plain, aad);
  }

  /** The curve OID named by an EC SubjectPublicKeyInfo. */
  public static String curveOid(byte[] spki) {
    return SubjectPublicKeyInfo.getInstance(spki).getAlgorithm().getParameters().toString();
  }

  /** The JCA key factory for a spec. */
  public static KeyFactory factory(String spec) throws GeneralSecurityException {
    if (spec.startsWith("RSA")) {
      return KeyFactory.getInstance("RSA");
    }
    return spec.startsWith("ECC_NIST")
        ? KeyFactory.getInstance("EC")
        : KeyFactory.getInstance("EC", BC);
  }

  public static PublicKey publicKey(String spec, byte[] spki) throws GeneralSecurityException {
    return factory(spec).generatePublic(new X509EncodedKeySpec(spki));
  }

  public static PrivateKey privateKey(String spec, byte[] pkcs8) throws GeneralSecurityException {
    return factory(spec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  /**
   * A JCA signature for a spec: SHA-256 with RSA / ECDSA, SM3withSM2 (user id 1234567812345678).
   */
  public static Signature signature(String spec) throws GeneralSecurityException {
    if (spec.startsWith("RSA")) {
      return Signature.getInstance("SHA256withRSA");
    }
    if (spec.startsWith("ECC_NIST")) {
      return Signature.getInstance("SHA256withECDSA");
    }
    return Signature.getInstance(spec.equals("SM2") ? "SM3withSM2" : "SHA256withECDSA", BC);
  }

  /** Signs {@code message} with the private key and verifies it with the public key. */
  public static boolean signsAndVerifies(
      String spec, PrivateKey priv, PublicKey pub, byte[] signed, byte[] verified)
      throws GeneralSecurityException {
    Signature signer = signature(spec);
    signer.initSign(priv);
    signer.update(signed);
    byte[] sig = signer.sign();
    Signature verifier = signature(spec);
    verifier.initVerify(pub);
    verifier.update(verified);
    return verifier.verify(sig);
  }
}
