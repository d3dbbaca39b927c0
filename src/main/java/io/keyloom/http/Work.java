package io.keyloom.http;

/**
 * The class of work a route does, each served by its own bounded executor (docs/executors.md), so
 * that one class never queues behind another and a full class answers 429 at once.
 *
 * <p>Sizes are for the CPU count of the host: the CPU-bound classes (HEAVY, LOGIN) get at most half
 * of the cores, so that a flood of them leaves the other half to the hot path; the hot path gets
 * twice the cores because its calls are short and sometimes wait on the key cache's store reads.
 */
enum Work {
  /** Crypto with a cached key, gen-random, reads served from the key cache; health. */
  HOT(2, 0, 1024),
  /** Store writes and store reads: key lifecycle, listings, quotas, IAM project lookups. */
  WRITE(0, 4, 256),
  /** Asymmetric key generation: data key pairs, create-key with an RSA, EC or SM2 spec. */
  HEAVY(0, 0, 8),
  /** Password logins: Argon2id, about 20 MiB and tens of milliseconds of one core each. */
  LOGIN(0, 0, 4);

  private final int threadsPerCore;
  private final int fixedThreads;
  private final int queue;

  Work(int threadsPerCore, int fixedThreads, int queue) {
    this.threadsPerCore = threadsPerCore;
    this.fixedThreads = fixedThreads;
    this.queue = queue;
  }

  /** Worker threads on a host with {@code cores} CPUs; half the cores unless stated otherwise. */
  int threads(int cores) {
    if (threadsPerCore > 0) {
      return threadsPerCore * cores;
    }
    return fixedThreads > 0 ? fixedThreads : Math.max(1, cores / 2);
  }

  /** Requests that may wait for a thread; one more is refused with 429. */
  int queue() {
    return queue;
  }
}
