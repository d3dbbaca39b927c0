package io.keyloom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RoutesTest {
  static Work work(String body) {
    return Routes.createKeyWork(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void createKey_withAsymmetricSpec_isHeavyWork() {
    assertThat(work("{\"key_alias\":\"a\",\"key_spec\":\"RSA_4096\"}")).isEqualTo(Work.HEAVY);
    assertThat(work("{\"key_spec\":\"EC_P256\"}")).isEqualTo(Work.HEAVY);
    assertThat(work("{\"key_spec\":\"SM2\"}")).isEqualTo(Work.HEAVY);
  }

  @Test
  void createKey_withEscapedAsymmetricSpec_isStillHeavyWork() {
    assertThat(work("{\"key_spec\":\"\\u0052SA_4096\"}")).isEqualTo(Work.HEAVY);
  }

  @Test
  void createKey_withSymmetricOrNoSpec_isWriteWork() {
    assertThat(work("{\"key_alias\":\"a\",\"key_spec\":\"AES_256\"}")).isEqualTo(Work.WRITE);
    assertThat(work("{\"key_spec\":\"SM4\"}")).isEqualTo(Work.WRITE);
    assertThat(work("{\"key_alias\":\"a\"}")).isEqualTo(Work.WRITE);
  }

  @Test
  void createKey_withHmacSpec_isWriteWork() {
    for (String spec : new String[] {"HMAC_256", "HMAC_384", "HMAC_512", "HMAC_SM3"}) {
      assertThat(work("{\"key_spec\":\"" + spec + "\"}")).as(spec).isEqualTo(Work.WRITE);
    }
  }

  @Test
  void createKey_withSpecOnlyInANestedObject_isWriteWork() {
    assertThat(work("{\"x\":{\"key_spec\":\"RSA_4096\"},\"key_alias\":\"a\"}"))
        .isEqualTo(Work.WRITE);
  }

  @Test
  void createKey_withBrokenJson_isWriteWork() {
    assertThat(work("")).isEqualTo(Work.WRITE);
    assertThat(work("[1,2]")).isEqualTo(Work.WRITE);
    assertThat(work("{\"key_spec\":")).isEqualTo(Work.WRITE);
  }

  @Test
  void cpuBoundClasses_leaveHalfTheCoresToTheHotPath() {
    assertThat(Work.HEAVY.threads(2)).isEqualTo(1);
    assertThat(Work.LOGIN.threads(2)).isEqualTo(1);
    assertThat(Work.HOT.threads(2)).isEqualTo(4);
    assertThat(Work.LOGIN.threads(1)).isEqualTo(1);
  }
}
