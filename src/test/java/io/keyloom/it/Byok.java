package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportResponse;
import com.huaweicloud.sdk.kms.v2.model.DeleteImportedKeyMaterialRequest;
import com.huaweicloud.sdk.kms.v2.model.GetParametersForImportRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequest;
import com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequestBody;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The importer's side of BYOK (docs/key-import.md), done the way a customer does it: JCA RSA-OAEP
 * or Bouncy Castle SM2 to wrap with the wrapping public key, the JDK's AES/KWP or Bouncy Castle's
 * RFC 5649 engine over SM4 to wrap a private key with a temporary key.
 */
public final class Byok {
  private Byok() {}

  /** An external key of {@code spec} (usage null: the default), pending import. */
  public static String createExternal(KmsClient client, String spec, String usage) {
    CreateKeyRequestBody body =
        new CreateKeyRequestBody()
            .withKeySpec(CreateKeyRequestBody.KeySpecEnum.fromValue(spec))
            .withOrigin(CreateKeyRequestBody.OriginEnum.EXTERNAL);
    if (usage != null) {
      body.withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.fromValue(usage));
    }
    return LifecycleCalls.create(client, body);
  }

  /** get-parameters-for-import through the SDK. */
  public static CreateParametersForImportResponse parameters(
      KmsClient client, String keyId, String algorithm) {
    return client.createParametersForImport(
        new CreateParametersForImportRequest()
            .withBody(
                new GetParametersForImportRequestBody()
                    .withKeyId(keyId)
                    .withWrappingAlgorithm(
                        GetParametersForImportRequestBody.WrappingAlgorithmEnum.fromValue(
                            algorithm))));
  }

  /** import-key-material through the SDK; privateKey and expiration may be null. */
  public static void importMaterial(
      KmsClient client,
      String keyId,
      String token,
      String material,
      String privateKey,
      Long expiration) {
    client.importKeyMaterial(
        new ImportKeyMaterialRequest()
            .withBody(
                new ImportKeyMaterialRequestBody()
                    .withKeyId(keyId)
                    .withImportToken(token)
                    .withEncryptedKeyMaterial(material)
                    .withEncryptedPrivatekey(privateKey)
                    .withExpirationTime(expiration)));
  }

  /** delete-imported-key-material through the SDK. */
  public static void deleteMaterial(KmsClient client, String keyId) {
    client.deleteImportedKeyMaterial(
        new DeleteImportedKeyMaterialRequest()
            .withBody(new OperateKeyRequestBody().withKeyId(keyId)));
  }

  /** Imports a local private key under a random temporary key of {@code tempBytes} bytes. */
  public static void importAsymmetric(
      KmsClient client, String keyId, String alg, LocalKey local, int tempBytes) {
    CreateParametersForImportResponse p = parameters(client, keyId, alg);
    byte[] temporary = ClientCrypto.randomBytes(tempBytes);
    String wrappedKey =
        local.sm2() != null ? sm4Kwp(temporary, local.pkcs8()) : aesKwp(temporary, local.pkcs8());
    importMaterial(
        client,
        keyId,
        p.getImportToken(),
        wrap(alg, p.getPublicKey(), temporary),
        wrappedKey,
        null);
  }

  /** Wraps {@code secret} with the Base64 wrapping public key of {@code algorithm}; Base64. */
  public static String wrap(String algorithm, String publicKey, byte[] secret) {
    byte[] spki = Base64.getDecoder().decode(publicKey);
    try {
      if (algorithm.equals(ClientCrypto.SM2)) {
        ECPublicKeyParameters key = (ECPublicKeyParameters) PublicKeyFactory.createKey(spki);
        return ClientCrypto.b64(ClientCrypto.sm2Encrypt(key, secret));
      }
      var key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
      return ClientCrypto.b64(ClientCrypto.oaepEncrypt(algorithm, key, secret));
    } catch (GeneralSecurityException | InvalidCipherTextException | IOException e) {
      throw new AssertionError(e);
    }
  }

  /** RFC 5649 with the JDK's AES/KWP/NoPadding (AES-128 or AES-256 temporary key); Base64. */
  public static String aesKwp(byte[] temporaryKey, byte[] pkcs8) {
    try {
      Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
      kwp.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(temporaryKey, "AES"));
      return ClientCrypto.b64(kwp.doFinal(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** RFC 5649 over SM4 with Bouncy Castle's engine; Base64. */
  public static String sm4Kwp(byte[] temporaryKey, byte[] pkcs8) {
    RFC5649WrapEngine engine = new RFC5649WrapEngine(new SM4Engine());
    engine.init(true, new KeyParameter(temporaryKey));
    return ClientCrypto.b64(engine.wrap(pkcs8, 0, pkcs8.length));
  }

  /** A local key pair of a Huawei key spec, generated with the JCA (SM2 with Bouncy Castle). */
  public static LocalKey localKey(String spec) {
    try {
      if (spec.equals("SM2")) {
        var oid = ECNamedCurveTable.getOID("sm2p256v1");
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(
            new ECKeyGenerationParameters(
                new ECNamedDomainParameters(oid, ECNamedCurveTable.getByOID(oid)),
                new java.security.SecureRandom()));
        AsymmetricCipherKeyPair pair = g.generateKeyPair();
        byte[] pkcs8 =
            PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate())
                .getEncoded(ASN1Encoding.DER);
        return new LocalKey(pkcs8, null, (ECPublicKeyParameters) pair.getPublic());
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance(spec.startsWith("RSA") ? "RSA" : "EC");
      switch (spec) {
        case "EC_P256" -> g.initialize(new ECGenParameterSpec("secp256r1"));
        case "EC_P384" -> g.initialize(new ECGenParameterSpec("secp384r1"));
        default -> g.initialize(Integer.parseInt(spec.substring(4)));
      }
      KeyPair pair = g.generateKeyPair();
      return new LocalKey(pair.getPrivate().getEncoded(), pair, null);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A locally generated key pair.
   *
   * @param pkcs8 the private key, PKCS#8 DER
   * @param jca the JCA pair (RSA, EC), else null
   * @param sm2 the SM2 public key, else null
   */
  public record LocalKey(byte[] pkcs8, KeyPair jca, ECPublicKeyParameters sm2) {}
}
