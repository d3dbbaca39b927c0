package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --metrics=false}: GET /metrics is an unknown path, /health is as always. */
class MetricsOffIT {
  @Test
  void metricsOff_answers404_andHealthStaysUp() {
    try (TestServer server = TestServer.startWithoutMetrics()) {
      Http http = new Http(server.endpoint());
      Http.Response metrics = http.send("GET", "/metrics", null, Map.of());
      assertThat(metrics.status()).isEqualTo(404);
      assertThat(metrics.errorCode()).isEqualTo("KMS.0201");
      assertThat(server.routes()).doesNotContain("GET /metrics");
      Http.Response health = http.send("GET", "/health", null, Map.of());
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }
  }
}
