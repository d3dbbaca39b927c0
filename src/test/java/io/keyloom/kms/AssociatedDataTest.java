package io.keyloom.kms;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.error.KmsException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssociatedDataTest {
  @Test
  void context_isIndependentOfKeyOrder() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    assertThat(AssociatedData.of(ab, null)).isEqualTo(AssociatedData.of(ba, null));
  }

  @Test
  void differentSplitsOfTheSameCharacters_differ() {
    assertThat(AssociatedData.of(Map.of("ab", "c"), null))
        .isNotEqualTo(AssociatedData.of(Map.of("a", "bc"), null));
    assertThat(AssociatedData.of(Map.of("k", "v"), null))
        .isNotEqualTo(AssociatedData.of(null, "1:k1:v"));
    assertThat(AssociatedData.of(null, null)).isEqualTo(AssociatedData.of(null, ""));
  }

  @Test
  void limits_areEnforced() {
    assertThat(AssociatedData.of(null, "a".repeat(128))).isNotEmpty();
    assertThatThrownBy(() -> AssociatedData.of(null, "a".repeat(129)))
        .isInstanceOf(KmsException.class);
    assertThatThrownBy(() -> AssociatedData.of(Map.of("k", "v".repeat(8192)), null))
        .isInstanceOf(KmsException.class);
    assertThatThrownBy(() -> AssociatedData.of("not an object", null))
        .isInstanceOf(KmsException.class);
  }

  @Test
  void dataKeyDomain_neverEqualsTheEncryptDataEncoding() {
    assertThat(AssociatedData.forDataKey(null, "x")).isNotEqualTo(AssociatedData.of(null, "x"));
    assertThat(AssociatedData.forDataKey(null, null)).startsWith("datakey".getBytes(US_ASCII));
    assertThat(AssociatedData.of(Map.of("k", "v".repeat(8000)), "a".repeat(128))[0]).isZero();
    assertThat(AssociatedData.forDataKey(Map.of("k", "v"), "a"))
        .endsWith(AssociatedData.of(Map.of("k", "v"), "a"));
  }
}
