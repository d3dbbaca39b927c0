package io.keyloom.auth.sig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.auth.sig.SignatureException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical URI, canonical query and strict percent-decoding rules of §3. */
class CanonicalRequestTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/|/",
        "/v1.0|/v1.0/",
        "/v1.0/p/kms/create-key|/v1.0/p/kms/create-key/",
        "/a/b/|/a/b/",
        "/a/b//|/a/b/",
        "//v1.0/x|//v1.0/x/",
        "/a//b|/a//b/",
        "/a/./../b|/a/./../b/",
        "/v1.0/%7Bproject_id%7D/kms|/v1.0/%7Bproject_id%7D/kms/",
        "/a+b|/a%2Bb/",
        "/a%2fb|/a%2Fb/",
        "/a%20b~*+%C3%A9'()!$,;:@=/tags|/a%20b~%2A%2B%C3%A9%27%28%29%21%24%2C%3B%3A%40%3D/tags/",
        "/%7e%7E~|/~~~/",
        "/%FF%fe|/%FF%FE/"
      })
  void canonicalUri_followsSdkRules(String raw, String expected) throws SignatureException {
    assertThat(CanonicalRequest.canonicalUri(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "b=2&a=1|a=1&b=2",
        "k=2&k=1&a=0|a=0&k=2&k=1",
        "k|k=",
        "k=|k=",
        "a=%7E&b=*|a=~&b=%2A",
        "q=a+b|q=a%2Bb",
        "marker=a%20b*%7E%2F%2B&limit=5|limit=5&marker=a%20b%2A~%2F%2B",
        "B=1&a=1&_=1|B=1&_=1&a=1",
        "a=1&&b=2|a=1&b=2",
        "a=x=y|a=x%3Dy"
      })
  void canonicalQuery_decodesReencodesAndSortsByKey(String raw, String expected)
      throws SignatureException {
    assertThat(CanonicalRequest.canonicalQuery(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%z", "%zz", "%4", "abc%", "%%41", "%\u0663\u0663", "%4g", "a%2"})
  void percentDecode_withMalformedEscape_failsMalformed(String raw) {
    assertThatThrownBy(() -> PercentCodec.decode(raw))
        .isInstanceOf(SignatureException.class)
        .extracting(e -> ((SignatureException) e).reason())
        .isEqualTo(Reason.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1.0", "http://host/v1.0/x", "*", ""})
  void canonicalUri_withoutLeadingSlash_failsMalformed(String raw) {
    assertThatThrownBy(() -> CanonicalRequest.canonicalUri(raw))
        .isInstanceOf(SignatureException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"é|%C3%A9", "%c3%a9|%C3%A9", "a-_.~Z9|a-_.~Z9", "%00|%00"})
  void canonicalize_reencodesWithUpperCaseHex(String raw, String expected)
      throws SignatureException {
    assertThat(PercentCodec.canonicalize(raw)).isEqualTo(expected);
  }
}
