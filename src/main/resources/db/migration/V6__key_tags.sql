-- Tags of keys (docs/tags.md): at most one value per tag key and key. Unicode lengths (36 and 43
-- characters) are checked by the service; the columns leave room for them in any encoding.
-- A key's tags are deleted with the key (KeyDeletions), before its row.

CREATE TABLE key_tags (
  key_id     VARCHAR(36)  NOT NULL REFERENCES cmks (key_id),
  tag_key    VARCHAR(144) NOT NULL,
  tag_value  VARCHAR(172) NOT NULL,
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (key_id, tag_key)
);

CREATE INDEX key_tags_by_tag ON key_tags (tag_key, tag_value);
