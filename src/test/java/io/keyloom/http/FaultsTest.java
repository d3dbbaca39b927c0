package io.keyloom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.error.KmsException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry of active faults: scopes, replacement, exhaustion, its bound. */
class FaultsTest {
  private static final Set<String> OPERATIONS = Set.of("decrypt-data", "sign");
  private final Faults faults = new Faults();

  private static Fault fault(String operation, String projectId, Long count) {
    return Fault.of(
        new Fault.Spec(operation, 500, "KMS.0101", null, null, null, count, projectId, null),
        OPERATIONS);
  }

  @Test
  void aFaultForAllProjects_affectsEveryProject_andOnlyItsOperation() {
    faults.put(fault("sign", null, null));
    assertThat(faults.firing("sign", "a".repeat(32))).isNotNull();
    assertThat(faults.firing("sign", "b".repeat(32))).isNotNull();
    assertThat(faults.firing("decrypt-data", "a".repeat(32))).isNull();
  }

  @Test
  void aFaultForOneProject_affectsOnlyThatProject() {
    faults.put(fault("sign", "a".repeat(32), null));
    assertThat(faults.firing("sign", "a".repeat(32))).isNotNull();
    assertThat(faults.firing("sign", "b".repeat(32))).isNull();
  }

  @Test
  void anExhaustedFault_leavesTheListing() {
    faults.put(fault("sign", null, 2L));
    assertThat(faults.list()).hasSize(1);
    assertThat(faults.firing("sign", "a".repeat(32))).isNotNull();
    assertThat(faults.firing("sign", "a".repeat(32))).isNotNull();
    assertThat(faults.firing("sign", "a".repeat(32))).isNull();
    assertThat(faults.list()).isEmpty();
    assertThat(faults.isEmpty()).isTrue();
  }

  @Test
  void aNewFault_replacesTheOneOfTheSameScope() {
    faults.put(fault("sign", null, 1L));
    faults.put(fault("sign", null, 5L));
    assertThat(faults.list())
        .singleElement()
        .satisfies(f -> assertThat(f.view()).containsEntry("count", 5L));
  }

  @Test
  void clear_removesOneOperationsFaultsOrAll() {
    faults.put(fault("sign", null, null));
    faults.put(fault("decrypt-data", null, null));
    assertThat(faults.clear("sign")).isEqualTo(1);
    assertThat(faults.clear(null)).isEqualTo(1);
    assertThat(faults.isEmpty()).isTrue();
  }

  @Test
  void theRegistry_isBounded() {
    for (int i = 0; i < Faults.MAX; i++) {
      faults.put(fault("sign", String.format("%032x", i), null));
    }
    assertThatThrownBy(() -> faults.put(fault("sign", null, null)))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("DELETE /keyloom/v1/faults");
    faults.put(fault("sign", String.format("%032x", 0), 3L)); // a replacement is still fine
  }
}
