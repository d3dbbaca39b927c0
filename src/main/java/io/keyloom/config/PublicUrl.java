package io.keyloom.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL clients use to reach this server (for example behind a load balancer), used for links
 * such as the versions' {@code self} instead of the client's Host header.
 *
 * @param value an absolute {@code http} or {@code https} URL without query, fragment, user info or
 *     trailing slash, e.g. {@code https://kms.example.com} or {@code https://gw.example.com/kms}
 */
public record PublicUrl(String value) {

  /** Validates and normalises: a trailing slash is dropped, anything else wrong stops the start. */
  public PublicUrl {
    value = normalise(value);
  }

  /** The setting from an optional flag value; null means not given. */
  public static Optional<PublicUrl> of(String value) {
    return value == null ? Optional.empty() : Optional.of(new PublicUrl(value));
  }

  private static String normalise(String value) {
    URI uri;
    try {
      uri = new URI(value == null ? "" : value);
    } catch (URISyntaxException e) {
      throw invalid("it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid("it must be an absolute http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw invalid("it must name a host and no user info");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid("it must have no query and no fragment");
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  private static IllegalArgumentException invalid(String why) {
    // The value is the operator's own flag, but a mistyped one may hold a credential (user info):
    // say what is wrong, not what was given.
    return new IllegalArgumentException("--public-url is invalid: " + why);
  }
}
