package io.keyloom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-project token bucket of {@code --throttle}, on a hand-moved monotonic clock. */
class ThrottleTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  // Near the wrap-around of nanoTime on purpose: the bucket must compare by difference only.
  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 500 * MS);
  private final Throttle five = new Throttle(5, now::get);

  private int admitted(Throttle throttle, String project, int calls) {
    int admitted = 0;
    for (int i = 0; i < calls; i++) {
      admitted += throttle.admit(project) ? 1 : 0;
    }
    return admitted;
  }

  @Test
  void aBurst_isAdmittedUpToTheLimit_thenRefused() {
    assertThat(admitted(five, "p", 20)).isEqualTo(5);
  }

  @Test
  void afterABurst_oneTokenComesBackEveryFifthOfASecond() {
    admitted(five, "p", 5);
    now.addAndGet(199 * MS);
    assertThat(five.admit("p")).isFalse();
    now.addAndGet(1 * MS);
    assertThat(five.admit("p")).isTrue();
    assertThat(five.admit("p")).isFalse();
  }

  @Test
  void oneSecondAfterABurst_aFullBurstIsAdmittedAgain() {
    admitted(five, "p", 20);
    now.addAndGet(1000 * MS);
    assertThat(admitted(five, "p", 20)).isEqualTo(5);
  }

  @Test
  void projects_haveTheirOwnBuckets() {
    admitted(five, "p", 20);
    assertThat(admitted(five, "q", 20)).isEqualTo(5);
  }

  @Test
  void aSteadyRateAtTheLimit_isNeverRefused() {
    for (int i = 0; i < 100; i++) {
      assertThat(five.admit("p")).as("call %d", i).isTrue();
      now.addAndGet(200 * MS);
    }
  }

  @Test
  void limitsThatDoNotDivideASecond_admitExactlyTheirBurst() {
    for (int limit : new int[] {1, 3, 7, 999, 40_000, 1_000_000}) {
      assertThat(admitted(new Throttle(limit, now::get), "p", limit + 5)).isEqualTo(limit);
    }
  }

  @Test
  void off_admitsEverythingAndStoresNothing() {
    Throttle off = new Throttle(0, now::get);
    assertThat(admitted(off, "p", 10_000)).isEqualTo(10_000);
    assertThat(off.tracked()).isZero();
  }

  @Test
  void manyProjects_doNotGrowTheTableBeyondItsBound_onceTheirBucketsRefilled() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < Throttle.TRACKED; i++) {
        five.admit("project-" + round + "-" + i);
      }
      now.addAndGet(1001 * MS);
    }
    assertThat(five.tracked()).isLessThanOrEqualTo(Throttle.TRACKED + 1);
  }
}
