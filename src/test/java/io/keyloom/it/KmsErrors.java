package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on Huawei error answers as the SDK surfaces them. */
public final class KmsErrors {
  private KmsErrors() {}

  /** The call fails with a 4xx of this status and, unless {@code code} is null, this code. */
  public static void assertKmsError(ThrowingCallable call, int status, String code) {
    assertKmsError(call, status, code, "");
  }

  /**
   * As {@link #assertKmsError(ThrowingCallable, int, String)}, with {@code what} in the failure
   * message. A 5xx fails too: the SDK raises ServerResponseException, not ClientRequestException.
   */
  public static void assertKmsError(ThrowingCallable call, int status, String code, String what) {
    assertThatThrownBy(call)
        .as(what)
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              String detail = what + " " + e.getErrorCode() + " " + e.getErrorMsg();
              assertThat(e.getHttpStatusCode()).as(detail).isEqualTo(status);
              if (code != null) {
                assertThat(e.getErrorCode()).as(detail).isEqualTo(code);
              }
            });
  }
}
