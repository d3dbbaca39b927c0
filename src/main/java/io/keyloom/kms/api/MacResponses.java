package io.keyloom.kms.api;

/** Response bodies of generate-mac and verify-mac. */
public final class MacResponses {
  private MacResponses() {}

  /** {@code generate-mac}: {@code mac} is lowercase hex, as Huawei's example prints it. */
  public record GenerateMac(String keyId, String macAlgorithm, String mac) {}

  /** {@code verify-mac}: {@code mac_valid} is a JSON boolean (unlike verify's string). */
  public record VerifyMac(String keyId, String macAlgorithm, boolean macValid) {}
}
