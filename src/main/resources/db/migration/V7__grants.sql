-- Grants (docs/grants.md): permission for a user or a whole account (domain), of the same or
-- another account, to use one key for a fixed set of operations. Times are epoch milliseconds.
-- operations is the comma-separated list of Huawei's operation names, in a canonical order. name
-- and retiring_principal are '' when not given. A key's grants leave with the key when it is
-- destroyed (KeyDeletions).

CREATE TABLE kms_grants (
  grant_id               VARCHAR(64)  PRIMARY KEY,
  key_id                 VARCHAR(36)  NOT NULL,
  name                   VARCHAR(255) NOT NULL,
  grantee_principal      VARCHAR(64)  NOT NULL,
  grantee_principal_type VARCHAR(8)   NOT NULL,
  operations             VARCHAR(512) NOT NULL,
  issuing_principal      VARCHAR(64)  NOT NULL,
  retiring_principal     VARCHAR(64)  NOT NULL,
  creation_date          BIGINT       NOT NULL
);

CREATE INDEX kms_grants_by_key ON kms_grants (key_id, creation_date);
CREATE INDEX kms_grants_by_grantee ON kms_grants (grantee_principal);
CREATE INDEX kms_grants_by_retiring ON kms_grants (retiring_principal);
CREATE INDEX kms_grants_by_issuer ON kms_grants (issuing_principal);
