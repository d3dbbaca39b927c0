-- Keyloom's own secret keys (docs/root-of-trust.md): the token-signing keys (X-Auth-Token,
-- security tokens, import tokens), which rotate, and the seed-password and imported-material
-- check keys, which do not. Random keys, each stored wrapped under the root key (Base64 of a
-- KeyWrapper blob, which names the root key that sealed it), never derived from root-key bytes.
-- kid is what tokens carry to name their signing key. Portable types only (SQLite, PostgreSQL).

CREATE TABLE service_keys (
    kid        VARCHAR(64)  NOT NULL PRIMARY KEY,
    purpose    VARCHAR(32)  NOT NULL,
    wrapped    VARCHAR(512) NOT NULL,
    created_at BIGINT       NOT NULL
);

CREATE INDEX service_keys_by_purpose ON service_keys (purpose, created_at);
