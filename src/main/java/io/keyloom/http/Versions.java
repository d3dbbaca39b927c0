package io.keyloom.http;

import java.util.List;

/**
 * {@code GET /} and {@code GET /v1.0} (ShowVersions / ShowVersion): the one API version Keyloom
 * serves, in the shape of the SDK's {@code ApiVersionDetail}. No authentication, as at Huawei.
 */
final class Versions {
  /** The date Huawei gives for v1.0 (huawei-kms-api.md §1.1). */
  private static final String UPDATED = "2016-10-29T02:00:00Z";

  private Versions() {}

  /** A link of a version. */
  record Link(String href, String rel) {}

  /** One API version; {@code version}/{@code min_version} are empty: no micro-versions. */
  record Detail(
      String id,
      List<Link> links,
      String version,
      String status,
      String updated,
      String minVersion) {}

  /** The body of {@code GET /}. */
  record All(List<Detail> versions) {}

  /** The body of {@code GET /v1.0}. */
  record One(Detail version) {}

  static All all(String origin) {
    return new All(List.of(v1(origin)));
  }

  static One one(String origin) {
    return new One(v1(origin));
  }

  private static Detail v1(String origin) {
    return new Detail(
        "v1.0", List.of(new Link(origin + "/v1.0/", "self")), "", "CURRENT", UPDATED, "");
  }
}
