package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateRandomRequest;
import com.huaweicloud.sdk.kms.v2.model.GenRandomRequestBody;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code gen-random} through the official SDK: sizes, encoding, freshness and its refusals. */
class GenRandomIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void client() {
    alice = Sdk.alice(server);
  }

  static String random(String bits) {
    return alice
        .createRandom(
            new CreateRandomRequest()
                .withBody(new GenRandomRequestBody().withRandomDataLength(bits)))
        .getRandomData();
  }

  @ParameterizedTest(name = "{0} bits")
  @ValueSource(ints = {8, 16, 256, 512, 1024, 8192})
  void randomData_isHexOfExactlyTheRequestedBits(int bits) {
    String hex = random(Integer.toString(bits));
    assertThat(hex).hasSize(bits / 4).matches("^[0-9A-F]+$");
  }

  @Test
  void everyCall_givesDifferentBytes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      seen.add(random("128"));
    }
    assertThat(seen).hasSize(50);
  }

  @Test
  void bytes_lookUniform() {
    // Four draws of 1024 bytes: from a uniform source, some byte value is missing from 4096
    // bytes with probability ≈ 256·(255/256)^4096 ≈ 3·10^-5.
    int[] counts = new int[256];
    for (int i = 0; i < 4; i++) {
      byte[] bytes = DataKeys.unhex(random("8192"));
      for (byte b : bytes) {
        counts[b & 0xff]++;
      }
    }
    assertThat(counts).doesNotContain(0);
  }

  @ParameterizedTest(name = "random_data_length \"{0}\"")
  @ValueSource(strings = {"0", "4", "8200", "65536", "-8", "abc", "512 "})
  void lengthOutOfRangeOrNotANumber_isKms1801(String bits) {
    assertKmsError(() -> random(bits), 400, "KMS.1801");
  }

  @ParameterizedTest(name = "random_data_length \"{0}\"")
  @ValueSource(strings = {"12", "9", "8191"})
  void lengthNotAMultipleOf8_isKms1802(String bits) {
    assertKmsError(() -> random(bits), 400, "KMS.1802");
  }

  @Test
  void missingLength_isKms0204_andBadSequence_isKms0206() {
    Http.Response missing = call("gen-random", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("KMS.0204");
    Http.Response sequence =
        call("gen-random", "{\"random_data_length\":\"512\",\"sequence\":\"x\"}");
    assertThat(sequence.status()).isEqualTo(400);
    assertThat(sequence.errorCode()).isEqualTo("KMS.0206");
    Http.Response number = call("gen-random", "{\"random_data_length\":512}");
    assertThat(number.status()).as("a JSON number is coerced like other scalars").isEqualTo(200);
  }
}
