package io.keyloom.error;

/**
 * Every error Keyloom can return, with its HTTP status, Huawei code and client-safe message.
 *
 * <p>Codes and statuses follow the Huawei KMS error table (shared/api/huawei-kms-api.md §4). The
 * table is the only place where a failure is mapped to a status: there are no if-chains elsewhere.
 */
public enum ErrorCode {
  INVALID_URL(400, "KMS.0201", "Invalid request URL."),
  PATH_NOT_FOUND(404, "KMS.0201", "The requested URL does not exist."),
  INVALID_JSON(400, "KMS.0202", "Invalid JSON format of the request message."),
  INVALID_REQUEST_FORMAT(400, "KMS.0214", "Invalid request format."),
  URI_TOO_LONG(414, "KMS.0201", "The request URL is too long."),
  HEADERS_TOO_LARGE(431, "KMS.0214", "The request headers are too large."),
  EXPECTATION_FAILED(417, "KMS.0214", "Only the Expect value 100-continue is supported."),
  BODY_TOO_LARGE(413, "KMS.0203", "The request message is too long."),
  MISSING_PARAMETER(400, "KMS.0204", "A required parameter is missing."),
  INVALID_KEY_ID(400, "KMS.0205", "Invalid key_id."),
  INVALID_SEQUENCE(400, "KMS.0206", "Invalid sequence."),
  KEY_NOT_FOUND(404, "KMS.0207", "The key does not exist."),
  INVALID_ENCRYPTION_CONTEXT(400, "KMS.0208", "Invalid encryption_context."),
  KEY_DISABLED(400, "KMS.0209", "The key is disabled."),
  KEY_PENDING_DELETION(400, "KMS.0210", "The key is pending deletion."),
  DEFAULT_KEY(400, "KMS.0211", "The operation is not allowed on a default master key."),
  KEY_ACCESS_DENIED(403, "KMS.0306", "No permission for this operation on the key."),
  METHOD_NOT_ALLOWED(405, "KMS.0215", "The HTTP method is not supported."),
  REQUEST_TIMEOUT(408, "KMS.0214", "The request was not received in time."),
  INVALID_PARAMETER(400, "KMS.0308", "Invalid parameter."),
  KEY_NOT_EXTERNAL(400, "KMS.0309", "The key is not an imported (external) key."),
  KEY_NOT_PENDING_IMPORT(400, "KMS.0310", "The key is not pending import."),
  DECRYPTION_FAILED(400, "KMS.0311", "Failed to decrypt the ciphertext."),
  EXTERNAL_KEY_NO_ROTATION(
      400, "KMS.0312", "Keys with external (imported) material cannot rotate."),
  ROTATION_NOT_ENABLED(400, "KMS.0313", "Key rotation is not enabled."),
  ASYMMETRIC_KEY_NO_ROTATION(
      400, "KMS.0324", "Asymmetric keys cannot rotate automatically; only symmetric keys can."),
  ASYMMETRIC_NOT_SUPPORTED(400, "KMS.0325", "The operation is not supported for asymmetric keys."),
  DIGEST_LENGTH_MISMATCH(400, "KMS.0329", "The digest length does not match the hash algorithm."),
  SYMMETRIC_NOT_SUPPORTED(400, "KMS.0331", "The operation is not supported for symmetric keys."),
  SIGNING_ALGORITHM_NOT_SUPPORTED(
      400, "KMS.0332", "The key does not support this signing algorithm."),
  HMAC_NOT_SUPPORTED(
      400, "KMS.0341", "HMAC keys do not support this operation: use generate-mac or verify-mac."),
  KEY_USAGE_ENCRYPT(400, "KMS.0334", "The key is an encryption key and cannot sign or verify."),
  KEY_USAGE_SIGN(400, "KMS.0335", "The key is a signing key and cannot encrypt or decrypt."),
  TAGS_EMPTY(400, "KMS.0401", "The tag list is empty."),
  INVALID_MATCH_VALUE(400, "KMS.0402", "Invalid match value: it must be 1 to 255 characters."),
  INVALID_MATCH_KEY(400, "KMS.0403", "Invalid match key: only resource_name is supported."),
  INVALID_TAG_ACTION(400, "KMS.0404", "Invalid action."),
  INVALID_TAG_VALUE(
      400, "KMS.0405", "Invalid tag value: it must not contain control characters or * < > \\ =."),
  INVALID_TAG_KEY(
      400,
      "KMS.0406",
      "Invalid tag key: it must be non-empty without control characters or * < > \\ =."),
  INVALID_TAG_LIST_SIZE(400, "KMS.0407", "Invalid tag list size: at most 20 tags per request."),
  TOO_MANY_TAGS(400, "KMS.0409", "Too many tags: a key has at most 20 tags."),
  TAG_VALUE_TOO_LONG(400, "KMS.0410", "Invalid tag value length: at most 43 characters."),
  TAG_KEY_TOO_LONG(400, "KMS.0411", "Invalid tag key length: at most 36 characters."),
  INVALID_TAG_LIST(400, "KMS.0412", "Invalid tag list: a tag key appears more than once."),
  TOO_MANY_TAG_VALUES(400, "KMS.0413", "Too many values in a tag: at most 20."),
  INVALID_TAGS(400, "KMS.0414", "Invalid tags: a tag key appears more than once."),
  INVALID_MATCHES(400, "KMS.0415", "Invalid matches: a match key appears more than once."),
  TAG_NOT_FOUND(404, "KMS.0416", "The tag does not exist."),
  INVALID_OFFSET(400, "KMS.0417", "Invalid offset: it must be an integer of at least 0."),
  OFFSET_NOT_ALLOWED(400, "KMS.0418", "limit and offset are not allowed with action count."),
  INVALID_ALIAS(400, "KMS.1101", "Invalid key_alias."),
  INVALID_DESCRIPTION(400, "KMS.1103", "Invalid key_description."),
  ALIAS_EXISTS(400, "KMS.1104", "The key alias already exists."),
  INVALID_ALIAS_NAME(400, "KMS.1101", "Invalid alias: alias/ and 1 to 249 of a-z A-Z 0-9 : / _ -."),
  ALIAS_NAME_EXISTS(400, "KMS.1104", "The alias already exists."),
  ALIAS_NOT_FOUND(404, "KMS.0207", "The alias does not exist."),
  KEY_QUOTA_REACHED(400, "KMS.1105", "The number of keys has reached the quota."),
  EC_CANNOT_ENCRYPT(400, "KMS.1114", "EC keys cannot be used to encrypt or decrypt."),
  SYMMETRIC_CANNOT_SIGN(400, "KMS.1115", "Symmetric keys cannot be used to sign or verify."),
  KEY_NOT_DISABLED(400, "KMS.1201", "The key is not disabled."),
  KEY_NOT_ENABLED(400, "KMS.1301", "The key is not enabled."),
  INVALID_PENDING_DAYS(400, "KMS.1401", "pending_days must be an integer from 7 to 1096."),
  ALREADY_PENDING_DELETION(400, "KMS.1402", "The key is already pending deletion."),
  KEY_NOT_PENDING_DELETION(400, "KMS.1501", "The key is not pending deletion."),
  INVALID_LIMIT(400, "KMS.1601", "Invalid limit: it must be an integer from 1 to 1000."),
  INVALID_MARKER(400, "KMS.1602", "Invalid marker: it must be an integer of at least 0."),
  INVALID_RANDOM_LENGTH(400, "KMS.1801", "random_data_length must be 8 to 8192 bits."),
  RANDOM_LENGTH_NOT_BYTES(400, "KMS.1802", "random_data_length must be a multiple of 8."),
  INVALID_DATAKEY_LENGTH(400, "KMS.1901", "datakey_length must be 8 to 8192 bits."),
  INVALID_DATAKEY_SPEC(
      400,
      "KMS.1902",
      "key_spec must be AES_256, AES_128, SM4, HMAC_256, HMAC_384, HMAC_512 or HMAC_SM3."),
  DATAKEY_LENGTH_NOT_BYTES(400, "KMS.1903", "datakey_length must be a multiple of 8."),
  INVALID_DATAKEY_PLAINTEXT(
      400, "KMS.2101", "plain_text must be the hex of the data key followed by its digest."),
  INVALID_DATAKEY_PLAIN_LENGTH(400, "KMS.2102", "datakey_plain_length must be 1 to 1024 bytes."),
  DATAKEY_DIGEST_MISMATCH(400, "KMS.2103", "The digest in plain_text does not match the data key."),
  DATAKEY_PLAIN_LENGTH_MISMATCH(
      400, "KMS.2104", "plain_text is not datakey_plain_length bytes plus a 32-byte digest."),
  INVALID_DATAKEY_CIPHERTEXT(
      400,
      "KMS.2201",
      "The data key ciphertext is invalid or does not match the key or associated data."),
  INVALID_DATAKEY_CIPHER_LENGTH(400, "KMS.2202", "datakey_cipher_length must be 1 to 1024 bytes."),
  SYMMETRIC_ALGORITHM_MISMATCH(
      400, "KMS.2105", "The symmetric key does not support this encryption algorithm."),
  ASYMMETRIC_ALGORITHM_MISMATCH(
      400, "KMS.2106", "The asymmetric key does not support this encryption algorithm."),
  PLAINTEXT_TOO_LONG(400, "KMS.2108", "The plaintext is too long for this key and algorithm."),
  GRANT_ONLY_CREATE_GRANT(400, "KMS.2401", "operations cannot be only create-grant."),
  INVALID_GRANT_PRINCIPAL(
      400, "KMS.2402", "Invalid principal: it must be 1 to 64 letters and digits."),
  TOO_MANY_GRANTS(400, "KMS.2404", "Too many grants: a key has at most 100 grants."),
  GRANT_NOT_FOUND(400, "KMS.2501", "The grant does not exist."),
  GRANT_KEY_MISMATCH(400, "KMS.2502", "grant_id and key_id do not match."),
  ROTATION_NOT_DISABLED(400, "KMS.2901", "Key rotation is already enabled."),
  INVALID_ROTATION_INTERVAL(
      400, "KMS.3001", "Invalid rotation_interval: it must be a JSON integer from 30 to 365."),
  IMPORT_TOKEN_EXPIRED(400, "KMS.2601", "The import token has expired."),
  MATERIAL_EXPIRATION_PAST(400, "KMS.2602", "expiration_time must be in the future."),
  IMPORT_TOKEN_OTHER_KEY(400, "KMS.2603", "key_id differs from the key of the import token."),
  IMPORT_MATERIAL_LENGTH(
      400, "KMS.2604", "The key material must be 32 bytes for AES_256 and 16 bytes for SM4."),
  IMPORT_TOKEN_INVALID(400, "KMS.2605", "The import token failed verification."),
  IMPORT_MATERIAL_DIFFERS(
      400, "KMS.2606", "Re-imported key material must equal the material imported before."),
  IMPORT_PRIVATE_KEY_MISSING(
      400, "KMS.2608", "encrypted_privatekey is required to import an asymmetric key."),
  IMPORT_PRIVATE_KEY_INVALID(
      400, "KMS.2609", "The imported private key is not a valid private key of the key spec."),
  IMPORT_TEMPORARY_KEY_LENGTH(
      400, "KMS.2610", "The temporary key must be 16 or 32 bytes (SM2 keys: a 16-byte SM4 key)."),
  MATERIAL_NOT_DELETABLE(
      400, "KMS.2701", "Key material can only be deleted while the key is enabled or disabled."),
  ASYMMETRIC_MATERIAL_NOT_DELETABLE(
      400, "KMS.2702", "Imported asymmetric key material cannot be deleted."),
  TOKEN_MISSING(403, "KMS.0301", "X-Auth-Token is missing or malformed."),
  TOKEN_INVALID(403, "KMS.0302", "X-Auth-Token is invalid."),
  TOKEN_EXPIRED(403, "KMS.0303", "X-Auth-Token has expired."),
  TOKEN_NOT_PROJECT_SCOPED(403, "KMS.0305", "X-Auth-Token is not scoped to a project."),
  PROJECT_MISMATCH(403, "KMS.0321", "The project in the URL differs from the caller's project."),
  BROWSER_REFUSED(
      403,
      "KMS.0307",
      "Emulator controls do not answer web pages (the request has an Origin header); call them"
          + " from a script or test."),
  UNAUTHENTICATED(401, "APIGW.0301", "Incorrect IAM authentication information."),
  THROTTLED(
      429,
      "APIGW.0308",
      "The throttling threshold has been reached: the server is busy, retry in a few seconds."),
  LOGIN_THROTTLED(
      429,
      "APIGW.0308",
      "The throttling threshold has been reached: too many failed logins from this address."),
  INTERNAL(500, "KMS.0101", "KMS internal error."),
  STORE_UNAVAILABLE(503, "KMS.0104", "The key store is temporarily unavailable; retry later."),
  TOO_MANY_CONNECTIONS(503, "KMS.0104", "Too many open connections; retry later.");

  private final int status;
  private final String code;
  private final String message;

  ErrorCode(int status, String code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /** The HTTP status sent with this error. */
  public int status() {
    return status;
  }

  /** The Huawei error code, e.g. {@code KMS.0207}. */
  public String code() {
    return code;
  }

  /** The default client-facing message; it never contains request data. */
  public String message() {
    return message;
  }
}
