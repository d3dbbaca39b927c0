-- The seed check of a seeded password (docs/start-time.md): HMAC-SHA256 under a root-key-derived
-- key over user id, password hash and password, Base64. Lets a start see that the seed's password
-- is unchanged without running Argon2. NULL for passwords that did not come from the seed.

ALTER TABLE users ADD COLUMN seed_check VARCHAR(64);
