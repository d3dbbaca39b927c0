package io.keyloom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.error.KmsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Validation, counting and reproducible draws of injected faults. */
class FaultTest {
  private static final Set<String> OPERATIONS = Set.of("decrypt-data", "sign");

  static Fault.Spec spec(String operation, Integer status, String code, Integer latency) {
    return new Fault.Spec(operation, status, code, null, latency, null, null, null, null);
  }

  static Fault.Spec counted(double rate, Long count, Long seed) {
    return new Fault.Spec("sign", null, null, null, 10, rate, count, null, seed);
  }

  private static void assertRefused(Fault.Spec spec, String code, String messagePart) {
    assertThatThrownBy(() -> Fault.of(spec, OPERATIONS))
        .isInstanceOfSatisfying(
            KmsException.class,
            e -> {
              assertThat(e.error().status()).isEqualTo(400);
              assertThat(e.error().code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }

  @Test
  void badFields_areRefusedWithACodeAndTheFieldsName() {
    assertRefused(spec(null, 500, "KMS.0101", null), "KMS.0204", "operation");
    assertRefused(spec("create-keys", 500, "KMS.0101", null), "KMS.0308", "operation");
    assertRefused(spec("sign", 200, "KMS.0101", null), "KMS.0308", "status");
    assertRefused(spec("sign", 600, "KMS.0101", null), "KMS.0308", "status");
    assertRefused(spec("sign", 500, null, null), "KMS.0204", "error_code");
    assertRefused(spec("sign", null, "KMS.0101", null), "KMS.0204", "status");
    assertRefused(spec("sign", null, null, null), "KMS.0204", "latency_ms");
    assertRefused(spec("sign", 500, "kms.0101", null), "KMS.0308", "error_code");
    assertRefused(spec("sign", 500, "KMS.01", null), "KMS.0308", "error_code");
    assertRefused(spec("sign", null, null, -1), "KMS.0308", "latency_ms");
    assertRefused(spec("sign", null, null, 0), "KMS.0308", "latency_ms");
    assertRefused(spec("sign", null, null, 60_001), "KMS.0308", "latency_ms");
    assertRefused(counted(0, null, null), "KMS.0308", "rate");
    assertRefused(counted(1.5, null, null), "KMS.0308", "rate");
    assertRefused(counted(-0.5, null, null), "KMS.0308", "rate");
    assertRefused(counted(0.5, -1L, null), "KMS.0308", "count");
    assertRefused(counted(0.5, 0L, null), "KMS.0308", "count");
    assertRefused(
        new Fault.Spec("sign", null, null, null, 10, null, null, "ACME", null),
        "KMS.0308",
        "project_id");
    assertRefused(
        new Fault.Spec("sign", 500, "KMS.0101", "", null, null, null, null, null),
        "KMS.0308",
        "error_msg");
  }

  @Test
  void aCountedFault_firesThatManyTimes_thenIsExhausted() {
    Fault fault = Fault.of(counted(1, 3L, null), OPERATIONS);
    assertThat(fault.fires()).isTrue();
    assertThat(fault.fires()).isTrue();
    assertThat(fault.exhausted()).isFalse();
    assertThat(fault.fires()).isTrue();
    assertThat(fault.exhausted()).isTrue();
    assertThat(fault.fires()).isFalse();
  }

  @Test
  void aSeededRate_drawsLikeARandomWithThatSeed() {
    Fault fault = Fault.of(counted(0.3, null, 42L), OPERATIONS);
    Random reference = new Random(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(fault.fires()).isEqualTo(reference.nextDouble() < 0.3);
    }
  }

  @Test
  void aSeededRate_firesExactlyAsOftenAsTheSeedSays_alsoUnderConcurrentCalls() throws Exception {
    Fault fault = Fault.of(counted(0.5, null, 7L), OPERATIONS);
    int threads = 8;
    int perThread = 20_000;
    Random reference = new Random(7);
    int expected = 0;
    for (int i = 0; i < threads * perThread; i++) {
      expected += reference.nextDouble() < 0.5 ? 1 : 0;
    }
    AtomicInteger fired = new AtomicInteger();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  fired.addAndGet(fault.fires() ? 1 : 0);
                }
              });
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      thread.join();
    }
    assertThat(fired.get()).isEqualTo(expected);
  }

  @Test
  void anUnseededRate_firesAboutThatOften() {
    Fault fault = Fault.of(counted(0.25, null, null), OPERATIONS);
    int fired = 0;
    for (int i = 0; i < 10_000; i++) {
      fired += fault.fires() ? 1 : 0;
    }
    assertThat(fired).isBetween(2_200, 2_800);
  }

  @Test
  void anErrorFault_answersTheKmsBody_orTheGatewayBodyForGatewayCodes() {
    Endpoint.Reply kms = Fault.of(spec("sign", 500, "KMS.0101", null), OPERATIONS).error("r1");
    assertThat(kms.status()).isEqualTo(500);
    assertThat(kms.body())
        .isEqualTo(
            Map.of("error", Map.of("error_code", "KMS.0101", "error_msg", "KMS internal error.")));
    Endpoint.Reply gateway =
        Fault.of(spec("sign", 429, "APIGW.0308", null), OPERATIONS).error("r2");
    assertThat(gateway.body()).asString().contains("request_id=r2").contains("APIGW.0308");
    assertThat(gateway.headers()).containsEntry("Retry-After", "1");
    assertThat(Fault.of(spec("sign", null, null, 5), OPERATIONS).error("r3")).isNull();
  }
}
