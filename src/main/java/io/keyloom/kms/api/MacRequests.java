package io.keyloom.kms.api;

/**
 * Request bodies of generate-mac and verify-mac, field for field as the Huawei SDK 3.1.143 models
 * name them ({@code GenerateMacRequestBody}, {@code VerifyMacRequestBody}; neither has {@code
 * sequence}). Every field is a nullable String; {@link io.keyloom.kms.MacService} validates them.
 */
public final class MacRequests {
  private MacRequests() {}

  /** {@code generate-mac}: the message is Base64 of 1–4096 bytes. */
  public record GenerateMac(String keyId, String macAlgorithm, String message) {}

  /** {@code verify-mac}: the generate-mac fields plus the hex MAC to check. */
  public record VerifyMac(String keyId, String macAlgorithm, String message, String mac) {}
}
