package io.keyloom.auth.sig;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared assertion: verification fails with a given reason, as a checked exception. */
final class Assertions {
  private Assertions() {}

  static void assertReason(
      AkSkVerifier verifier, SignedRequest request, SignatureException.Reason reason) {
    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(SignatureException.class)
        .extracting(e -> ((SignatureException) e).reason())
        .isEqualTo(reason);
  }
}
