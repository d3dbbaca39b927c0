-- One portable schema for SQLite and PostgreSQL: only VARCHAR, BIGINT and INTEGER columns.
-- Binary values (wrapped key material, wrapped secrets) are stored as Base64 text.

CREATE TABLE settings (
  name  VARCHAR(64)   PRIMARY KEY,
  value VARCHAR(4096) NOT NULL
);

CREATE TABLE domains (
  id         VARCHAR(32) PRIMARY KEY,
  name       VARCHAR(64) NOT NULL UNIQUE,
  created_at BIGINT      NOT NULL
);

CREATE TABLE projects (
  id         VARCHAR(32) PRIMARY KEY,
  domain_id  VARCHAR(32) NOT NULL REFERENCES domains (id),
  name       VARCHAR(64) NOT NULL,
  created_at BIGINT      NOT NULL,
  UNIQUE (domain_id, name)
);

CREATE TABLE users (
  id            VARCHAR(32)  PRIMARY KEY,
  domain_id     VARCHAR(32)  NOT NULL REFERENCES domains (id),
  name          VARCHAR(64)  NOT NULL,
  password_hash VARCHAR(256) NOT NULL,
  created_at    BIGINT       NOT NULL,
  UNIQUE (domain_id, name)
);

CREATE TABLE access_keys (
  access_key     VARCHAR(64)  PRIMARY KEY,
  user_id        VARCHAR(32)  NOT NULL REFERENCES users (id),
  wrapped_secret VARCHAR(512) NOT NULL,
  created_at     BIGINT       NOT NULL
);

CREATE TABLE cmks (
  key_id                  VARCHAR(36)  PRIMARY KEY,
  project_id              VARCHAR(32)  NOT NULL REFERENCES projects (id),
  domain_id               VARCHAR(32)  NOT NULL,
  key_alias               VARCHAR(255) NOT NULL,
  key_spec                VARCHAR(16)  NOT NULL,
  key_usage               VARCHAR(32)  NOT NULL,
  key_description         VARCHAR(255) NOT NULL,
  origin                  VARCHAR(16)  NOT NULL,
  key_state               VARCHAR(1)   NOT NULL,
  enterprise_project_id   VARCHAR(64)  NOT NULL,
  default_key             INTEGER      NOT NULL,
  creation_date           BIGINT       NOT NULL,
  scheduled_deletion_date BIGINT,
  current_version         INTEGER      NOT NULL,
  UNIQUE (project_id, key_alias)
);

CREATE TABLE cmk_versions (
  key_id           VARCHAR(36)   NOT NULL REFERENCES cmks (key_id),
  version          INTEGER       NOT NULL,
  wrapped_material VARCHAR(16384) NOT NULL,
  created_at       BIGINT        NOT NULL,
  PRIMARY KEY (key_id, version)
);
