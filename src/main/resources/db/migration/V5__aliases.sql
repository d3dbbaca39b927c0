-- Aliases (docs/aliases.md): names of a key, unique per account (domain) and region (Keyloom's
-- project name), usable as key_id in the crypto operations. Times are epoch milliseconds. A key's
-- aliases leave with the key when it is destroyed (KeyDeletions).

CREATE TABLE kms_aliases (
  domain_id  VARCHAR(32)  NOT NULL,
  region     VARCHAR(64)  NOT NULL,
  alias      VARCHAR(255) NOT NULL,
  project_id VARCHAR(32)  NOT NULL,
  key_id     VARCHAR(36)  NOT NULL,
  created_at BIGINT       NOT NULL,
  updated_at BIGINT       NOT NULL,
  PRIMARY KEY (domain_id, region, alias)
);

CREATE INDEX kms_aliases_by_key ON kms_aliases (key_id);
