package io.keyloom.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyColumnsTest {
  @Test
  void theInsert_hasOnePlaceholderPerValue() {
    KeyRow row = KeyRow.builder().keyId("k").projectId("p").domainId("d").build();
    long placeholders = KeyColumns.INSERT.chars().filter(c -> c == '?').count();
    assertThat(KeyColumns.values(row)).hasSize((int) placeholders);
  }
}
