package io.keyloom.kms;

import io.keyloom.crypto.KeySpec;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyDetails;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.kms.api.KeyResponses;
import io.keyloom.store.KeyFilter;
import io.keyloom.store.KeyListing;
import io.keyloom.store.KeyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code list-keys}: a project's keys, filtered and paged (huawei-kms-api.md §3.2).
 *
 * <p>Paging: {@code marker} is the number of matching keys to skip and {@code next_marker} the
 * marker of the next page ({@code ""} on the last). Keys are ordered by creation date, then key id.
 * Without {@code key_spec} only AES_256 keys are listed, as Huawei does; {@code ALL} lists every
 * spec. Empty strings count as absent (Huawei's own example sends {@code "limit": ""}).
 */
public final class KeyListService {
  private static final Pattern STATE = Pattern.compile("^[1-5]$");
  private static final Pattern ENTERPRISE_PROJECT =
      Pattern.compile("^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$");

  private final KeyListing listing;

  /** A service over the store's listing. */
  public KeyListService(KeyListing listing) {
    this.listing = listing;
  }

  /** One page of the project's keys matching the request's filters. */
  public KeyResponses.ListKeys list(Project project, KeyRequests.ListKeys r) {
    Params.sequence(r.sequence());
    int limit = Params.pageLimit(r.limit(), Params.MAX_PAGE);
    int offset = Params.pageStart(r.marker(), ErrorCode.INVALID_MARKER);
    KeyFilter filter =
        new KeyFilter(
            project.id(),
            state(r.keyState()),
            spec(r.keySpec()),
            enterpriseProject(r.enterpriseProjectId()));
    KeyListing.Page page = listing.page(filter, offset, limit);
    List<String> ids = new ArrayList<>();
    List<KeyDetails> details = new ArrayList<>();
    for (KeyRow row : page.rows()) {
      ids.add(row.keyId());
      details.add(KeyService.details(project, row));
    }
    int next = offset + page.rows().size();
    boolean truncated = next < page.total();
    return new KeyResponses.ListKeys(
        ids,
        details,
        truncated ? Integer.toString(next) : "",
        Boolean.toString(truncated),
        page.total());
  }

  private static boolean absent(String value) {
    return value == null || value.isEmpty();
  }

  private static String state(String value) {
    if (absent(value)) {
      return null;
    }
    if (!STATE.matcher(value).matches()) {
      throw KmsException.invalid("key_state");
    }
    return value;
  }

  private static String spec(String value) {
    if (absent(value)) {
      return KeySpec.AES_256.name();
    }
    if ("ALL".equals(value)) {
      return null;
    }
    for (KeySpec s : KeySpec.values()) {
      if (s.name().equals(value)) {
        return value;
      }
    }
    throw KmsException.invalid("key_spec");
  }

  private static String enterpriseProject(String value) {
    if (absent(value) || "all".equals(value)) {
      return null;
    }
    if (!"0".equals(value) && !ENTERPRISE_PROJECT.matcher(value).matches()) {
      throw KmsException.invalid("enterprise_project_id");
    }
    return value;
  }
}
